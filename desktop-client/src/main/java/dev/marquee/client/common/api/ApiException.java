package dev.marquee.client.common.api;

import dev.marquee.model.error.ErrorBody;

/** The server said no: a non-2xx answer, carrying the contract's error body so the screen can show its sentence. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final transient ErrorBody body;

    public ApiException(int status, ErrorBody body) {
        super(body.message());
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ErrorBody body() {
        return body;
    }
}
