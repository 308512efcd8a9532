# Kiln's gdb commands for native images (loaded by `kiln debug`; docs/debugging.md).
#
#   kiln-java-bt         the Java stack of the running green thread, from TeaVM's shadow stack
#   kiln-java-threads    the Java stacks of the green threads that wait (suspended fibers)
#   kiln-jstring EXPR    the java.lang.String EXPR points to
#
# Everything is found through the image's Java debug descriptor, struct kiln_java_debug
# (guest/include/kiln/javadebug.h), read as raw words: `kiln debug` defines
# KILN_JAVA_DEBUG_FIELDS, the field order of dev.kiln.image.JavaDebugInfo, and KILN_JAVA_DEBUG_VERSION,
# the descriptor version it reads, before loading this.
# Guest memory is read with bounds: a stack or string that makes no sense prints "?".
import struct

import gdb

MAGIC = 0x4742444156414A4B
MAX_FRAMES = 4096
MAX_STRING = 4096


class _Guest:
    def __init__(self):
        self.inferior = gdb.selected_inferior()

    def u64(self, address):
        return struct.unpack("<Q", self.inferior.read_memory(address, 8).tobytes())[0]

    def u32(self, address):
        return struct.unpack("<I", self.inferior.read_memory(address, 4).tobytes())[0]

    def table_pointer(self, d, address):
        """A pointer inside the call-site tables: table_pointer_size bytes (4: kiln build narrows them)."""
        return self.u32(address) if d["table_pointer_size"] == 4 else self.u64(address)

    def i32(self, address):
        return struct.unpack("<i", self.inferior.read_memory(address, 4).tobytes())[0]

    def utf16(self, address, count):
        return self.inferior.read_memory(address, 2 * count).tobytes().decode("utf-16-le", "replace")


def _descriptor(guest):
    try:
        address = int(gdb.parse_and_eval("(unsigned long) &kiln_java_debug"))
    except gdb.error:
        raise gdb.GdbError("no kiln_java_debug symbol: not a Kiln native image, or its debug file is missing")
    fields = KILN_JAVA_DEBUG_FIELDS  # noqa: F821 (defined by kiln debug)
    values = struct.unpack("<%dQ" % len(fields), guest.inferior.read_memory(address, 8 * len(fields)).tobytes())
    d = dict(zip(fields, values))
    if d["magic"] != MAGIC:
        raise gdb.GdbError("kiln_java_debug does not start with its magic")
    if d["version"] != KILN_JAVA_DEBUG_VERSION:  # noqa: F821 (defined by kiln debug)
        raise gdb.GdbError("kiln_java_debug is version %d; this kiln reads version %d"
                           % (d["version"], KILN_JAVA_DEBUG_VERSION))  # noqa: F821
    return d


def _string(guest, d, string):
    """A TeaVM_String* as Python text, or '?'."""
    if string == 0:
        return "null"
    chars = guest.u64(string + d["string_chars"])
    if chars == 0:
        return ""
    n = guest.i32(chars + d["array_size"])
    if n < 0 or n > MAX_STRING:
        return "?"
    return guest.utf16(chars + d["array_chars"], n)


def _name(guest, d, method, field):
    ref = guest.table_pointer(d, method + d[field])  # a TeaVM_String**
    return "?" if ref == 0 else _string(guest, d, guest.u64(ref))


def _frames(guest, d, call_site):
    """The Java frames of one call site, innermost first (inlined methods first)."""
    if call_site < 0 or call_site >= d["call_site_count"]:
        return ["<no call site %d>" % call_site]
    location = guest.table_pointer(d, d["call_sites"] + call_site * d["call_site_size"] + d["call_site_location"])
    out = []
    while location != 0 and len(out) < 64:
        method = guest.table_pointer(d, location + d["location_method"])
        line = guest.i32(location + d["location_line"])
        if method != 0:
            where = _name(guest, d, method, "method_file")
            where += ":%d" % line if line >= 0 else ""
            out.append("%s.%s(%s)" % (_name(guest, d, method, "method_class"),
                                      _name(guest, d, method, "method_name"), where))
        location = guest.table_pointer(d, location + d["location_next"])
    return out


class JavaBacktrace(gdb.Command):
    """The Java stack of the running green thread (TeaVM's shadow stack)."""

    def __init__(self):
        super().__init__("kiln-java-bt", gdb.COMMAND_STACK)

    def invoke(self, argument, from_tty):
        guest = _Guest()
        d = _descriptor(guest)
        frame = guest.u64(d["stack_top"])
        depth = 0
        while frame != 0 and depth < MAX_FRAMES:
            for line in _frames(guest, d, guest.i32(frame + d["frame_call_site"])):
                gdb.write("    at %s\n" % line)
            frame = guest.u64(frame + d["frame_next"])
            depth += 1


ABSENT = 0xFFFFFFFFFFFFFFFF


class JavaThreads(gdb.Command):
    """The Java stacks of the green threads that wait: each suspended call (Fiber.lastPendingCall
    and those before it) leads to its Thread and Fiber, where Kiln's runtime left the call-site
    ids of the thread's frames when it suspended (dev.kiln.rt.KilnStacks)."""

    def __init__(self):
        super().__init__("kiln-java-threads", gdb.COMMAND_STACK)

    def invoke(self, argument, from_tty):
        guest = _Guest()
        d = _descriptor(guest)
        needed = ["last_pending_call", "pending_previous", "pending_callback", "callback_thread", "callback_fiber",
                  "fiber_call_sites"]
        missing = [f for f in needed if d[f] == ABSENT]
        if missing:
            raise gdb.GdbError("this image has no waiting green threads to show (absent: %s)" % ", ".join(missing))
        pending = guest.u64(d["last_pending_call"])
        seen = 0
        while pending != 0 and seen < 1024:
            callback = guest.u64(pending + d["pending_callback"])
            thread = guest.u64(callback + d["callback_thread"]) if callback else 0
            fiber = guest.u64(callback + d["callback_fiber"]) if callback else 0
            name = "?"
            if thread and d["thread_name"] != ABSENT:
                name = _string(guest, d, guest.u64(thread + d["thread_name"]))
            gdb.write('"%s" (waiting)\n' % name)
            ids = guest.u64(fiber + d["fiber_call_sites"]) if fiber else 0
            if ids:
                count = guest.i32(ids + d["array_ints"])
                if 0 <= count <= MAX_FRAMES:
                    for i in range(count):
                        for line in _frames(guest, d, guest.i32(ids + d["array_ints"] + 4 * (i + 1))):
                            gdb.write("    at %s\n" % line)
            pending = guest.u64(pending + d["pending_previous"])
            seen += 1


class JavaString(gdb.Command):
    """kiln-jstring EXPR: the java.lang.String that EXPR points to."""

    def __init__(self):
        super().__init__("kiln-jstring", gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

    def invoke(self, argument, from_tty):
        guest = _Guest()
        d = _descriptor(guest)
        gdb.write('"%s"\n' % _string(guest, d, int(gdb.parse_and_eval(argument))))


JavaBacktrace()
JavaThreads()
JavaString()
