/**
 * A VM's net device, split by concern as Firecracker's devices are:
 * <ul>
 *   <li>the device: {@link dev.kiln.vmm.device.net.NetDevice} (frames between the rings and the
 *       backend, the vCPU's side of a yield) and its two rings, {@code NetQueue} (every guest value
 *       read once and checked);</li>
 *   <li>the backend: {@link dev.kiln.vmm.device.net.NetBackend}, where frames go on the host;
 *       {@link dev.kiln.vmm.device.net.TapBackend} today, a passt socket later (rootless);</li>
 *   <li>the event handler: {@code NetEventLoop}, the I/O thread, and its doorbell {@code EventFd};</li>
 *   <li>the metrics: {@link dev.kiln.vmm.device.net.NetMetrics}.</li>
 * </ul>
 * The protocol and its checks are in docs/abi.md ("The net device"). The host networking around
 * a backend (taps, namespaces, port relays) is {@link dev.kiln.vmm.hostnet}.
 */
package dev.kiln.vmm.device.net;
