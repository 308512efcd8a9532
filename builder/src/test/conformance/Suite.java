/**
 * The conformance suite's entry point: one image holds every program, and the first
 * argument picks which one runs (the rest are its arguments). HotSpot runs the same
 * class the same way, so both sides go through this dispatch.
 */
public class Suite {
    public static void main(String[] args) throws Exception {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "ArrayBounds" -> ArrayBounds.main(rest);
            case "BigNumbers" -> BigNumbers.main(rest);
            case "BinaryTrees" -> BinaryTrees.main(rest);
            case "CatchLeavesLoop" -> CatchLeavesLoop.main(rest);
            case "ClassCast" -> ClassCast.main(rest);
            case "CollectionsUse" -> CollectionsUse.main(rest);
            case "CustomExceptions" -> CustomExceptions.main(rest);
            case "DivisionByZero" -> DivisionByZero.main(rest);
            case "Enums" -> Enums.main(rest);
            case "ExceptionAfterSuspension" -> ExceptionAfterSuspension.main(rest);
            case "ExitStatus" -> ExitStatus.main(rest);
            case "FannkuchRedux" -> FannkuchRedux.main(rest);
            case "Formatting" -> Formatting.main(rest);
            case "GcPressure" -> GcPressure.main(rest);
            case "Generics" -> Generics.main(rest);
            case "Inheritance" -> Inheritance.main(rest);
            case "Lambdas" -> Lambdas.main(rest);
            case "Mandelbrot" -> Mandelbrot.main(rest);
            case "MathFunctions" -> MathFunctions.main(rest);
            case "NBody" -> NBody.main(rest);
            case "NullPointer" -> NullPointer.main(rest);
            case "OutOfMemory" -> OutOfMemory.main(rest);
            case "Recursion" -> Recursion.main(rest);
            case "SleepAndTime" -> SleepAndTime.main(rest);
            case "SpectralNorm" -> SpectralNorm.main(rest);
            case "Streams" -> Streams.main(rest);
            case "StackTraces" -> StackTraces.main(rest);
            case "Strings" -> Strings.main(rest);
            case "Synchronized" -> Synchronized.main(rest);
            case "ThreadNames" -> ThreadNames.main(rest);
            case "Threads" -> Threads.main(rest);
            case "UncaughtException" -> UncaughtException.main(rest);
            case "Unicode" -> Unicode.main(rest);
            case "UnterminatedExit" -> UnterminatedExit.main(rest);
            case "UnterminatedOutput" -> UnterminatedOutput.main(rest);
            case "WaitNotify" -> WaitNotify.main(rest);
            default -> throw new IllegalArgumentException("no conformance program " + args[0]);
        }
    }
}
