package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The C rewrite on the shape TeaVM 0.12.3 emits for a function with a try block and a spilled local. */
class VolatileLocalsTest {
    private static final String FUNCTION = """
            void meth_T_main(TeaVM_Array* teavm_local_1) {
                void* teavm_local_2;
                int32_t teavm_local_3;
                volatile void* teavm_spill_3;
                volatile void* teavm_spill_1;
                void* teavm_local_4;
                TEAVM_ALLOC_STACK(INT32_C(2));
                TEAVM_TRY
                    teavm_local_3 = f();
                    teavm_spill_3 = teavm_local_3;
                TEAVM_CATCH
                    case 1: {
                        teavm_local_3 = teavm_spill_3;
                        teavm_local_1 = teavm_spill_1;
                        teavm_local_4 = teavm_catchException();
                        break;
                    }
                TEAVM_END_TRY
            }
            void meth_T_plain(void* teavm_local_1) {
                void* teavm_local_2;
                teavm_local_2 = teavm_local_1;
            }
            """;

    @Test
    void localsVolatileSpillCopyBacksDroppedParametersKept() {
        String out = VolatileLocals.rewrite(FUNCTION);
        assertTrue(out.contains("    void* volatile teavm_local_2;"), out);
        assertTrue(out.contains("    int32_t volatile teavm_local_3;"), out);
        assertTrue(out.contains("    void* volatile teavm_local_4;"), "declared after the spill declarations: " + out);
        assertFalse(out.contains("teavm_local_3 = teavm_spill_3;"), "the stale copy-back goes: " + out);
        assertTrue(out.contains("teavm_local_1 = teavm_spill_1;"), "a parameter is not volatile: its copy-back stays: " + out);
        assertTrue(out.contains("teavm_spill_3 = teavm_local_3;"), out);
        assertTrue(out.contains("void meth_T_plain(void* teavm_local_1) {\n    void* teavm_local_2;"),
                "a function without a try block is left alone: " + out);
    }
}
