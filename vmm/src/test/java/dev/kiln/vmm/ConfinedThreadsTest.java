package dev.kiln.vmm;

import dev.kiln.vmm.sandbox.Sandbox;
import dev.kiln.vmm.sandbox.ThreadStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * While a VM runs, the kernel reports its vCPU thread, the timeout thread and the net device's
 * I/O thread in seccomp filter mode (2), and the thread that called {@link Vm#run} in none (0):
 * the filters are on by default and confine only the monitor's own threads.
 */
class ConfinedThreadsTest {
    @Test
    void vcpuAndTimeoutThreadsAreConfinedAndTheCallerIsNot() throws Exception {
        assertEquals(Sandbox.Mode.ON, Sandbox.mode(), "the default mode");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("spin"), out).withTimeout(Duration.ofSeconds(120)))) {
            int[] callerMode = {-1};
            CompletableFuture<VmExit> exit = new CompletableFuture<>();
            Thread caller = Thread.ofPlatform().name("test-caller").start(() -> {
                VmExit e = vm.run();
                try {
                    callerMode[0] = ThreadStatus.ownSeccompMode();
                } catch (java.io.IOException x) {
                    callerMode[0] = -100;
                }
                exit.complete(e);
            });
            awaitConsole(out, "spinning", exit);
            List<Integer> vcpu = ThreadStatus.seccompModes("kiln-vcpu-spin");
            List<Integer> timer = ThreadStatus.seccompModes("kiln-vm-timeouts");
            List<Integer> callerWhileRunning = ThreadStatus.seccompModes("test-caller");
            vm.stop("test over");
            assertInstanceOf(VmExit.Stopped.class, exit.get(30, TimeUnit.SECONDS));
            caller.join();
            assertEquals(List.of(2), vcpu, "the vCPU thread");
            assertEquals(List.of(2), timer, "the timeout thread");
            assertEquals(List.of(0), callerWhileRunning, "the thread in Vm.run, while the VM ran");
            assertEquals(0, callerMode[0], "the thread that called Vm.run, after it returned");
        }
    }

    @Test
    void theNetDevicesIoThreadIsConfined() throws Exception {
        NetTestbed.requirePrerequisites("ip");
        try (NetTestbed bed = new NetTestbed()) {
            NetTestbed.Running vm = bed.start("netecho", Duration.ofSeconds(120), "110");
            List<Integer> io;
            try {
                awaitConsole(vm.console, "netecho up", vm.exit);
                io = ThreadStatus.seccompModes("kiln-net-netecho");
            } finally {
                vm.vm.stop("test over");
                vm.exit.get(30, TimeUnit.SECONDS);
                vm.vm.close();
            }
            assertEquals(List.of(2), io, "the net device's I/O thread");
        }
    }

    private static void awaitConsole(ByteArrayOutputStream out, String text, CompletableFuture<VmExit> exit)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a guard against a hang only
        while (!console(out).contains(text)) {
            if (exit.isDone()) throw new AssertionError("VM ended: " + exit.get().describe() + " " + console(out));
            if (System.nanoTime() > deadline) throw new AssertionError("no \"" + text + "\" in: " + console(out));
            Thread.sleep(20);
        }
    }

    private static String console(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
