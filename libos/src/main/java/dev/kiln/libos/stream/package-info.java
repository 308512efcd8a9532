/**
 * Parallel streams in native images. A Kiln image has one vCPU and switches green threads only where
 * one blocks, so splitting a pipeline over ForkJoinPool.commonPool() would run the same work one piece
 * after another, plus the splitting, the task objects and the thread switches: it cannot be faster.
 * The Javadoc of java.util.stream lets a parallel pipeline run in any order on any threads and gives
 * the same result for deterministic, non-interfering, stateless operations with associative
 * reductions; running it sequentially in the caller is one of those executions, and the only one
 * that costs nothing. What a program can observe is kept: isParallel() is true from parallel() or
 * parallelStream() until sequential(), and encounter order is kept where the Javadoc promises it
 * (forEachOrdered, collect, reduce, findFirst, toArray). A program cannot rely on the order
 * forEach runs in or on which element findAny returns on HotSpot: here they are the sequential ones.
 */
package dev.kiln.libos.stream;
