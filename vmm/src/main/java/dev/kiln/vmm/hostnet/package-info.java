/**
 * Host networking for VMs, apart from the device: {@link dev.kiln.vmm.hostnet.TapDevice},
 * network namespaces ({@link dev.kiln.vmm.hostnet.PrivateNetns}, a VM's own, held only by a
 * descriptor; {@link dev.kiln.vmm.hostnet.NetworkNamespace}, named ones for tests and benches),
 * {@link dev.kiln.vmm.hostnet.PortRelay} (127.0.0.1 listeners relaying into a VM's namespace) and
 * {@link dev.kiln.vmm.hostnet.HostNetwork}, which puts them together for {@code kiln run}.
 */
package dev.kiln.vmm.hostnet;
