# Sourced by the bench scripts that time one thing without load (seated-sales, analyze-cost): starts the server jar
# in $dir on port $port (its management port, for health, is $port + 100) with its own embedded PostgreSQL and demo
# data, stops it and removes its files on exit, and leaves $work (a scratch directory), $pg_port, $token (the demo
# clerk's) and sql (one statement, rows as text).
java_home=$("$root/bin/find-jdk")
work=$(mktemp -d)

admin_port=$((port + 100))
MARQUEE_PORT=$port MARQUEE_ADMIN_PORT=$admin_port MARQUEE_DATA_DIR=$work/pg MARQUEE_DEMO_DATA=true \
    "$java_home/bin/java" -jar "$dir/marquee-server.jar" >"$work/server.log" 2>&1 &
server=$!
stop() {
    local status=$?
    kill -TERM $server 2>/dev/null && wait $server 2>/dev/null || true
    rm -rf "$work"
    exit $status
}
trap stop EXIT
until curl -sf "http://localhost:$admin_port/observe/health" >/dev/null; do
    kill -0 $server 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.5
done
pg_port=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$work/server.log" | grep -o '[0-9]*$')

sql() {
    psql -qtAX -v ON_ERROR_STOP=1 -h localhost -p "$pg_port" -U postgres postgres -c "$1"
}

token=$(curl -sf "http://localhost:$port/api/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"clerk@marquee.test","password":"marquee-demo"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
