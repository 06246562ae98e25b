# PostgreSQL helpers shared by .ci/run and bench/run (sourced, not run).
#
# pg_ensure_server   makes PostgreSQL answer on 127.0.0.1:5432: starts an existing cluster, or
#                    installs Debian's postgresql (as root) and starts it. Bounded waits only.
# pg_super ARGS...   runs psql as the superuser: over TCP as "postgres" when the server trusts it,
#                    else through the local socket as the postgres OS user (peer authentication).
# pg_ensure_role     role accolade / password accolade, LOGIN (created or reset, idempotent).
# pg_ensure_db DB    database DB owned by accolade (created when missing, idempotent).
# pg_recreate_db DB  drops DB (ending its sessions) and creates it again, owned by accolade.

PG_HOST=127.0.0.1
PG_PORT=5432
PG_APP_ROLE=accolade
PG_APP_PASSWORD=accolade

pg_log() { printf '[pg] %s\n' "$*" >&2; }

pg_ready() {
    command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3
}

pg_latest_version() {
    ls /etc/postgresql 2>/dev/null | sort -V | tail -1
}

pg_apt_install() {
    local attempt
    for attempt in 1 2 3; do
        if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q \
            && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "$@"; then
            return 0
        fi
        pg_log "apt-get install $* failed (attempt $attempt of 3)"
        sleep $((attempt * 10))
    done
    return 1
}

pg_wait_ready() {
    local i
    for i in $(seq 1 60); do
        if pg_ready; then
            return 0
        fi
        sleep 1
    done
    return 1
}

pg_ensure_server() {
    if pg_ready; then
        pg_log "PostgreSQL answers on $PG_HOST:$PG_PORT"
        return 0
    fi
    local version
    version=$(pg_latest_version)
    if [ -z "$version" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
        if [ "$(id -u)" != 0 ]; then
            pg_log "PostgreSQL is not installed and this is not root: cannot install it"
            return 1
        fi
        pg_log "PostgreSQL is not installed: installing Debian's postgresql"
        pg_apt_install postgresql || { pg_log "could not install postgresql"; return 1; }
        version=$(pg_latest_version)
    fi
    if [ -z "$version" ]; then
        pg_log "no PostgreSQL version under /etc/postgresql after installation"
        return 1
    fi
    if [ ! -d "/etc/postgresql/$version/main" ]; then
        pg_log "creating cluster $version/main"
        pg_createcluster "$version" main >/dev/null || return 1
    fi
    if ! pg_ready; then
        pg_log "starting cluster $version/main"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start \
            || pg_log "pg_ctlcluster start returned non-zero (it may be starting already)"
    fi
    if pg_wait_ready; then
        pg_log "PostgreSQL $version answers on $PG_HOST:$PG_PORT"
        return 0
    fi
    pg_log "PostgreSQL did not answer on $PG_HOST:$PG_PORT within 60 s"
    return 1
}

PG_SUPER_MODE=""

pg_super_mode() {
    if [ -n "$PG_SUPER_MODE" ]; then
        return 0
    fi
    if psql -X -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -w -Atqc 'select 1' >/dev/null 2>&1; then
        PG_SUPER_MODE=tcp
    elif [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 \
        && (cd / && su postgres -s /bin/bash -c "psql -X -p $PG_PORT -d postgres -Atqc 'select 1'") >/dev/null 2>&1; then
        PG_SUPER_MODE=su
    else
        pg_log "no superuser access: neither 'psql -h $PG_HOST -U postgres' nor 'su postgres -c psql' works"
        return 1
    fi
}

pg_super() {
    pg_super_mode || return 1
    if [ "$PG_SUPER_MODE" = tcp ]; then
        psql -X -h "$PG_HOST" -p "$PG_PORT" -U postgres -w -v ON_ERROR_STOP=1 "$@"
    else
        local quoted
        quoted=$(printf '%q ' "$@")
        (cd / && su postgres -s /bin/bash -c "psql -X -p $PG_PORT -v ON_ERROR_STOP=1 $quoted")
    fi
}

pg_ensure_role() {
    pg_super -d postgres -q <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_APP_ROLE') THEN
        CREATE ROLE $PG_APP_ROLE LOGIN PASSWORD '$PG_APP_PASSWORD';
    ELSE
        ALTER ROLE $PG_APP_ROLE LOGIN PASSWORD '$PG_APP_PASSWORD';
    END IF;
END
\$\$;
SQL
}

pg_db_exists() {
    [ "$(pg_super -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

pg_ensure_db() {
    local db=$1
    if ! pg_db_exists "$db"; then
        # A concurrent creation may win the race; only a still-missing database is an error.
        pg_super -d postgres -qc "CREATE DATABASE $db OWNER $PG_APP_ROLE" 2>/dev/null || pg_db_exists "$db" || return 1
        pg_log "created database $db"
    fi
    pg_super -d postgres -qc "ALTER DATABASE $db OWNER TO $PG_APP_ROLE"
}

pg_recreate_db() {
    local db=$1
    pg_super -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
    pg_super -d postgres -qc "CREATE DATABASE $db OWNER $PG_APP_ROLE"
}
