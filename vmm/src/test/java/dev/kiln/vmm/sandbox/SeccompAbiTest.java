package dev.kiln.vmm.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks every number the filters hard-code (system call numbers, SECCOMP_RET_* values,
 * seccomp_data and sock_fprog offsets, BPF opcodes, the flags and constants argument checks
 * compare with) against the kernel's and glibc's headers, compiled with gcc.
 */
class SeccompAbiTest {
    @Test
    void constantsMatchTheHeaders(@TempDir Path tmp) throws Exception {
        StringBuilder c = new StringBuilder("""
                #include <linux/seccomp.h>
                #include <linux/filter.h>
                #include <linux/audit.h>
                #include <linux/futex.h>
                #include <sys/prctl.h>
                #include <sys/syscall.h>
                #include <sys/mman.h>
                #include <sys/socket.h>
                #include <fcntl.h>
                #include <signal.h>
                #include <stddef.h>
                #include <stdio.h>
                #define P(name, v) printf("%s %lld\\n", name, (long long)(v))
                int main(void) {
                """);
        for (Syscall s : Syscall.values()) {
            c.append("  P(\"").append(s.name()).append("\", __NR_").append(s.linuxName()).append(");\n");
        }
        c.append("""
                  P("KILL_PROCESS", SECCOMP_RET_KILL_PROCESS); P("LOG", SECCOMP_RET_LOG);
                  P("ALLOW", SECCOMP_RET_ALLOW); P("RET_ERRNO", SECCOMP_RET_ERRNO);
                  P("DATA_NR", offsetof(struct seccomp_data, nr)); P("DATA_ARCH", offsetof(struct seccomp_data, arch));
                  P("DATA_ARGS", offsetof(struct seccomp_data, args));
                  P("AUDIT_ARCH_X86_64", (unsigned) AUDIT_ARCH_X86_64); P("X32_SYSCALL_BIT", __X32_SYSCALL_BIT);
                  P("LD_W_ABS", BPF_LD | BPF_W | BPF_ABS); P("ALU_AND_K", BPF_ALU | BPF_AND | BPF_K);
                  P("JEQ_K", BPF_JMP | BPF_JEQ | BPF_K); P("JGE_K", BPF_JMP | BPF_JGE | BPF_K);
                  P("RET_K", BPF_RET | BPF_K); P("MAX_INSTRUCTIONS", BPF_MAXINSNS);
                  P("SOCK_FILTER_SIZE", sizeof(struct sock_filter));
                  P("FPROG_SIZE", sizeof(struct sock_fprog)); P("FPROG_FILTER", offsetof(struct sock_fprog, filter));
                  P("PR_SET_NO_NEW_PRIVS", PR_SET_NO_NEW_PRIVS); P("SECCOMP_SET_MODE_FILTER", SECCOMP_SET_MODE_FILTER);
                  P("FUTEX_CMD_MASK", FUTEX_CMD_MASK); P("FUTEX_WAIT", FUTEX_WAIT); P("FUTEX_WAKE", FUTEX_WAKE);
                  P("FUTEX_WAIT_BITSET", FUTEX_WAIT_BITSET); P("FUTEX_WAKE_BITSET", FUTEX_WAKE_BITSET);
                  P("MADV_DONTNEED", MADV_DONTNEED); P("F_GETFL", F_GETFL); P("F_SETFL", F_SETFL);
                  P("SOL_SOCKET", SOL_SOCKET); P("SO_LINGER", SO_LINGER);
                  P("JDK_INTERRUPT_SIGNAL", SIGRTMAX - 2);
                  return 0;
                }
                """);
        Map<String, Long> h = compileAndRun(tmp, c.toString());

        for (Syscall s : Syscall.values()) assertEquals(h.get(s.name()).intValue(), s.nr, "__NR_" + s.linuxName());
        assertEquals(h.get("KILL_PROCESS").intValue(), FilterAction.KILL_PROCESS.value());
        assertEquals(h.get("LOG").intValue(), FilterAction.LOG.value());
        assertEquals(h.get("ALLOW").intValue(), FilterAction.ALLOW.value());
        assertEquals(h.get("RET_ERRNO").intValue() | 7, FilterAction.errno(7).value());
        assertEquals(h.get("DATA_NR"), (long) SyscallFilter.DATA_NR);
        assertEquals(h.get("DATA_ARCH"), (long) SyscallFilter.DATA_ARCH);
        assertEquals(h.get("DATA_ARGS"), (long) SyscallFilter.DATA_ARGS);
        assertEquals(h.get("AUDIT_ARCH_X86_64").intValue(), SyscallFilter.AUDIT_ARCH_X86_64);
        assertEquals(h.get("X32_SYSCALL_BIT"), (long) SyscallFilter.X32_SYSCALL_BIT);
        assertEquals(h.get("LD_W_ABS"), (long) BpfAssembler.LD_W_ABS);
        assertEquals(h.get("ALU_AND_K"), (long) BpfAssembler.ALU_AND_K);
        assertEquals(h.get("JEQ_K"), (long) BpfAssembler.JEQ_K);
        assertEquals(h.get("JGE_K"), (long) BpfAssembler.JGE_K);
        assertEquals(h.get("RET_K"), (long) BpfAssembler.RET_K);
        assertEquals(h.get("MAX_INSTRUCTIONS"), (long) BpfAssembler.MAX_INSTRUCTIONS);
        assertEquals(8L, h.get("SOCK_FILTER_SIZE"), "struct sock_filter is packed into one long");
        assertEquals(h.get("FPROG_SIZE"), (long) SeccompCalls.FPROG_SIZE);
        assertEquals(h.get("FPROG_FILTER"), (long) SeccompCalls.FPROG_FILTER);
        assertEquals(h.get("PR_SET_NO_NEW_PRIVS"), (long) SeccompCalls.PR_SET_NO_NEW_PRIVS);
        assertEquals(h.get("SECCOMP_SET_MODE_FILTER"), (long) SeccompCalls.SECCOMP_SET_MODE_FILTER);
        assertEquals(h.get("FUTEX_CMD_MASK"), (long) MonitorFilters.FUTEX_CMD_MASK);
        assertEquals(h.get("FUTEX_WAIT"), (long) MonitorFilters.FUTEX_WAIT);
        assertEquals(h.get("FUTEX_WAKE"), (long) MonitorFilters.FUTEX_WAKE);
        assertEquals(h.get("FUTEX_WAIT_BITSET"), (long) MonitorFilters.FUTEX_WAIT_BITSET);
        assertEquals(h.get("FUTEX_WAKE_BITSET"), (long) MonitorFilters.FUTEX_WAKE_BITSET);
        assertEquals(h.get("MADV_DONTNEED"), (long) MonitorFilters.MADV_DONTNEED);
        assertEquals(h.get("F_GETFL"), (long) MonitorFilters.F_GETFL);
        assertEquals(h.get("F_SETFL"), (long) MonitorFilters.F_SETFL);
        assertEquals(h.get("SOL_SOCKET"), (long) MonitorFilters.SOL_SOCKET);
        assertEquals(h.get("SO_LINGER"), (long) MonitorFilters.SO_LINGER);
        assertEquals(h.get("JDK_INTERRUPT_SIGNAL"), (long) MonitorFilters.JDK_INTERRUPT_SIGNAL);
    }

    private static Map<String, Long> compileAndRun(Path tmp, String program) throws Exception {
        Path src = tmp.resolve("seccomp.c"), exe = tmp.resolve("seccomp");
        Files.writeString(src, program);
        Process cc;
        try {
            cc = new ProcessBuilder("gcc", "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("gcc is needed for this test and was not found: " + e.getMessage());
        }
        String ccOut = new String(cc.getInputStream().readAllBytes());
        if (cc.waitFor() != 0) fail("gcc failed (is linux-libc-dev installed?):\n" + ccOut);
        Process run = new ProcessBuilder(exe.toString()).start();
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : new String(run.getInputStream().readAllBytes()).split("\n")) {
            String[] kv = line.split(" ");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        assertEquals(0, run.waitFor());
        for (Syscall s : Syscall.values()) assertNotNull(values.get(s.name()), s.name());
        return values;
    }
}
