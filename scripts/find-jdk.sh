# Finds a JDK 21 or newer and prints its home directory, looking at JAVA_HOME, then the java on PATH, then the
# system's JVM folders. Prints nothing and returns 1 when there is none. Meant to be sourced (bash).

cairn_java_major() {
    # The major version of a java executable: "17.0.15" -> 17, "1.8.0_392" -> 8, "25" -> 25.
    local version
    version=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    case "$version" in
        1.*) echo "$version" | cut -d. -f2 ;;
        "") echo 0 ;;
        *) echo "$version" | sed 's/[^0-9].*//' ;;
    esac
}

cairn_find_jdk() {
    local minimum=21 candidate home
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] \
        && [ "$(cairn_java_major "$JAVA_HOME/bin/java")" -ge "$minimum" ]; then
        echo "$JAVA_HOME"
        return 0
    fi
    if candidate=$(command -v java 2>/dev/null) && [ "$(cairn_java_major "$candidate")" -ge "$minimum" ]; then
        home=$(cd "$(dirname "$(readlink -f "$candidate")")/.." && pwd)
        echo "$home"
        return 0
    fi
    # Newest first, so that several installed JDKs give the most recent one.
    for home in $(ls -d /usr/lib/jvm/*/ /usr/java/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ \
        2>/dev/null | sort -rV); do
        home=${home%/}
        if [ -x "$home/bin/java" ] && [ "$(cairn_java_major "$home/bin/java")" -ge "$minimum" ]; then
            echo "$home"
            return 0
        fi
    done
    return 1
}
