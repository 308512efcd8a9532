/**
 * Java stacks in a native image's memory, read through its Java debug descriptor
 * (guest/include/kiln/javadebug.h), for {@code kiln stack}, crash reports, core dumps and
 * {@code kiln profile}: {@link dev.kiln.vmm.javastack.GuestWords} (bounds-checked reads of what
 * the guest may read), {@link dev.kiln.vmm.javastack.ShadowStack} (the walk of TeaVM's shadow
 * stack to call-site ids), {@link dev.kiln.vmm.javastack.CallSiteTable} (a call-site id to its
 * {@link dev.kiln.vmm.javastack.JavaFrame}s, inlined methods first) and
 * {@link dev.kiln.vmm.javastack.JavaStrings}; {@link dev.kiln.vmm.javastack.JavaStackReader}
 * enumerates the green threads and renders their stacks as text. Kiln's gdb script
 * (kiln-gdb.py) does the same walk inside gdb.
 */
package dev.kiln.vmm.javastack;
