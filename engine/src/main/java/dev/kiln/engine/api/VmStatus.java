package dev.kiln.engine.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a VM is in its life, with Docker's names:
 * created (defined, never started) -> running -> exited, or -> restarting (its policy starts
 * it again after a backoff delay) -> running again. See docs/engine.md for every transition.
 */
public enum VmStatus {
    CREATED, RUNNING, RESTARTING, EXITED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static VmStatus of(String s) {
        for (VmStatus v : values()) {
            if (v.json().equals(s)) return v;
        }
        throw new IllegalArgumentException("unknown VM status '" + s + "'");
    }
}
