package dev.kiln.vmm;

import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.sandbox.RawSyscall;
import dev.kiln.vmm.sandbox.Sandbox;
import dev.kiln.vmm.sandbox.Syscall;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;

import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * A stand-in for a compromised vCPU thread, run in a JVM of its own by ForbiddenCallTest
 * (a killed process must not be the test's): it boots the hello guest with a console whose
 * first write, made on the vCPU thread after its filter is on, makes one system call the
 * filter forbids. It prints "attempting CALL" before and "survived CALL: RESULT" after, on
 * stdout, which the vCPU thread may write.
 *
 * <p>Arguments: the seccomp mode (on, log, off, or "default" to leave it unset) and the call.
 */
public final class ForbiddenCallProbe {
    private static final long AT_FDCWD = -100, AF_INET = 2, SOCK_STREAM = 1;

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("default")) Sandbox.setMode(Sandbox.Mode.parse(args[0]));
        String call = args[1];
        Kvm kvm = Kvm.open();
        int kvmFd = descriptorOf("/dev/kvm");
        Arena arena = Arena.global();
        MemorySegment path = arena.allocateFrom("/etc/hostname");
        MemorySegment program = arena.allocateFrom("/bin/true");
        MemorySegment argv = arena.allocate(ADDRESS, 2);
        argv.setAtIndex(ADDRESS, 0, program);
        argv.setAtIndex(ADDRESS, 1, MemorySegment.NULL);
        int[] vcpuFd = {-1}; // known once the VM exists
        Map<String, LongSupplier> calls = Map.of(
                "openat", () -> RawSyscall.call(Syscall.OPENAT, AT_FDCWD, path.address(), 0),
                "socket", () -> RawSyscall.call(Syscall.SOCKET, AF_INET, SOCK_STREAM, 0),
                "execve", () -> RawSyscall.call(Syscall.EXECVE, program.address(), argv.address(), 0),
                "ioctl-kvm", () -> RawSyscall.call(Syscall.IOCTL, kvmFd, KvmApi.KVM_CREATE_VM, 0),
                "ioctl-set-regs", () -> RawSyscall.call(Syscall.IOCTL, vcpuFd[0], KvmApi.KVM_SET_REGS, 0),
                "x32-getpid", () -> RawSyscall.call(0x4000_0000L | Syscall.GETPID.nr));
        LongSupplier attempt = calls.get(call);
        if (attempt == null) throw new IllegalArgumentException("unknown call " + call + "; known: " + calls.keySet());
        RawSyscall.prepare();
        PrintStream out = System.out;
        String before = "attempting " + call, after = "survived " + call + ": ";
        OutputStream console = new OutputStream() {
            private boolean done;

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (done) return;
                done = true;
                out.println(before);
                out.flush();
                long r = attempt.getAsLong();
                out.println(after + r);
                out.flush();
            }
        };
        try (Vm vm = Vm.create(kvm, VmConfig.of(Guests.image("hello"), console))) {
            vcpuFd[0] = descriptorOf("anon_inode:kvm-vcpu");
            System.out.println("exit: " + vm.run());
        }
    }

    /**
     * The first descriptor whose /proc link starts with target: /dev/kvm, or the one VM's vCPU (an
     * anon inode "kvm-vcpu:0", the one its filter names).
     */
    private static int descriptorOf(String target) throws IOException {
        try (var fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith(target)) {
                        return Integer.parseInt(fd.getFileName().toString());
                    }
                } catch (IOException e) {
                    // the directory's own descriptor, closed by now
                }
            }
        }
        throw new IllegalStateException("no descriptor of " + target + " in /proc/self/fd");
    }
}
