package dev.marquee.client.session;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;

/** Binds the sign-in layout to its view model; the sign-in button is the default button, so Enter signs in. */
public final class LoginView {

    private final LoginViewModel viewModel;

    @FXML
    private Pane form;
    @FXML
    private TextField serverField;
    @FXML
    private TextField emailField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Label errorLabel;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button signInButton;

    public LoginView(LoginViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        serverField.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        emailField.textProperty().bindBidirectional(viewModel.emailProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        form.disableProperty().bind(viewModel.busyProperty());
        signInButton.disableProperty().bind(viewModel.busyProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        signInButton.setOnAction(event -> viewModel.signIn());
        // Disabling the form while busy takes focus away; after a failed attempt the password is what gets retyped.
        viewModel.busyProperty().addListener((property, wasBusy, isBusy) -> {
            if (!isBusy) {
                passwordField.requestFocus();
                passwordField.selectAll();
            }
        });
        // Focus can only be requested once the layout is in a shown scene.
        Platform.runLater(emailField::requestFocus);
    }
}
