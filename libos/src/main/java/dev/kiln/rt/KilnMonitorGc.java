package dev.kiln.rt;

import org.teavm.interop.Address;
import org.teavm.interop.Structure;
import org.teavm.interop.Unmanaged;
import org.teavm.runtime.GC;
import org.teavm.runtime.RuntimeObject;

/**
 * Makes TeaVM's collector see the monitors of {@code synchronized} objects.
 *
 * <p>TeaVM's C backend keeps an object's monitor ({@code java.lang.Object.monitor}, a
 * {@code Monitor} with the owner and the queues of threads waiting to enter or to be notified)
 * not in a field but packed into the object header's hash-code word: bit 31 set, the rest the
 * monitor's offset in the heap in 4-byte units (core.h's {@code TEAVM_PACK_MONITOR}). Its GC
 * (org.teavm.runtime.GC, 0.16.0) knows nothing of that word: it neither marks the monitor nor
 * updates the word when it moves the monitor. A monitor that exists while a collection runs (a
 * lock held, threads queued on it, a thread in wait()) is freed or left behind by the
 * compaction, and the next monitor operation reads and writes whatever now lies there.
 * {@code synchronized (o) { ... System.gc(); }} crashed on leaving the block; with young
 * collections every 2 MiB, ConcVirtualThreads (10,000 threads contending for monitors) crashed
 * every time.
 *
 * <p>The builder (GcRewrite) makes the collector call in here: {@link #monitorOf} when it marks
 * an object's contents (GC.markObjectData marks the monitor it returns as one more reference of
 * the object, which also keeps the object's card dirty while the monitor is young), and
 * {@link #updateMonitor} when it updates an object's references after choosing where objects
 * move (GC.updatePointers). Both run inside the collector: unmanaged code, no allocation.
 */
@Unmanaged
public final class KilnMonitorGc {
    /** TeaVM's RuntimeObject.GC_MARKED: during compaction, the header of an object that moves holds its relocation record. */
    private static final int GC_MARKED = 0x80000000;
    /** Bit 31 of the hash-code word: the word holds a monitor (core.h's TEAVM_PACK_MONITOR / TEAVM_UNPACK_MONITOR). */
    private static final int MONITOR_BIT = 0x80000000;

    private KilnMonitorGc() {
    }

    /**
     * TeaVM's Relocation record (package-private in org.teavm.runtime), written by
     * GC.calculateRelocationTargets for each object that moves: its original header words and its
     * new address. GcRewrite checks at build time that TeaVM's class has exactly these fields in
     * this order, so the layouts cannot drift apart.
     */
    static final class RelocationRecord extends Structure {
        int classBackup;
        int sizeBackup;
        Address newAddress;
    }

    /** The monitor packed into {@code object}'s header, or null (the word holds a hash code or nothing). */
    public static RuntimeObject monitorOf(RuntimeObject object) {
        int word = object.hashCode;
        if ((word & MONITOR_BIT) == 0) {
            return null;
        }
        return unpack(word).toStructure();
    }

    /**
     * After the collector decided where objects move: the monitor pointer in {@code object}'s
     * header follows its monitor. When {@code object} moves itself, its header words are in its
     * relocation record until GC.restoreObjectHeaders puts them back, so the word is updated there.
     */
    public static void updateMonitor(RuntimeObject object) {
        RelocationRecord own = relocationOf(object.toAddress());
        int word = own != null ? own.sizeBackup : object.hashCode;
        if ((word & MONITOR_BIT) == 0) {
            return;
        }
        RelocationRecord monitorMoves = relocationOf(unpack(word));
        if (monitorMoves == null) {
            return;
        }
        int moved = pack(monitorMoves.newAddress);
        if (own != null) {
            own.sizeBackup = moved;
        } else {
            object.hashCode = moved;
        }
    }

    /** GC.getRelocation: the record of an object that moves in this collection, else null. */
    private static RelocationRecord relocationOf(Address address) {
        Address heap = GC.heapAddress();
        if (address.isLessThan(heap) || !address.isLessThan(heap.add(GC.availableBytes()))) {
            return null;
        }
        RuntimeObject header = address.toStructure();
        if ((header.classReference & GC_MARKED) == 0) {
            return null;
        }
        long record = (((long) header.classReference & 0xFFFFFFFFL) << 33) | (((long) header.hashCode & 0xFFFFFFFFL) << 1);
        return Address.fromLong(record).toStructure();
    }

    private static Address unpack(int word) {
        return GC.heapAddress().add((long) (word & ~MONITOR_BIT) * 4);
    }

    private static int pack(Address monitor) {
        return (int) ((monitor.toLong() - GC.heapAddress().toLong()) >>> 2) | MONITOR_BIT;
    }
}
