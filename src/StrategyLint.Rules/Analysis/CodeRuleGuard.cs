using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace StrategyLint.Analysis;

/// <summary>
/// Called at the start of every method, lambda and loop body of a C# rule (the compiler inserts the calls; rule
/// authors never write them). It is how a rule that loops or recurses without end is stopped cleanly: past its
/// time or allocation budget, or near the end of the stack, the next call throws and the rule is reported.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CodeRuleGuard
{
    [ThreadStatic] private static long t_deadline;
    [ThreadStatic] private static long t_allocationLimit;
    [ThreadStatic] private static string? t_stopped;

    /// <summary>Throws when the running rule is over its budget.</summary>
    public static void Check()
    {
        if (t_deadline == 0)
            return;
        if (t_stopped is not null)
            throw new CodeRuleStoppedException(t_stopped);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            Stop("recursed so deeply that it nearly overflowed the stack");
        if (Stopwatch.GetTimestamp() > t_deadline)
            Stop("ran out of time");
        if (GC.GetAllocatedBytesForCurrentThread() > t_allocationLimit)
            Stop("allocated more memory than a rule may");
    }

    private static void Stop(string reason)
    {
        // Sticky: a rule that catches the exception meets it again at its next guarded point.
        t_stopped = reason;
        throw new CodeRuleStoppedException(reason);
    }

    /// <summary>Opens a budget on this thread; the returned scope closes it and tells whether the rule was stopped.</summary>
    internal static Scope Enter(TimeSpan time, long allocationBytes)
    {
        var previous = (t_deadline, t_allocationLimit, t_stopped);
        t_deadline = Stopwatch.GetTimestamp() + (long)(time.TotalSeconds * Stopwatch.Frequency);
        t_allocationLimit = GC.GetAllocatedBytesForCurrentThread() + allocationBytes;
        t_stopped = null;
        return new Scope(previous);
    }

    internal readonly struct Scope((long Deadline, long Allocation, string? Stopped) previous) : IDisposable
    {
        /// <summary>Why the rule was stopped, even if it swallowed the exception; or null.</summary>
        public string? StoppedReason => t_stopped ?? (Stopwatch.GetTimestamp() > t_deadline ? "ran out of time" : null);

        public void Dispose() => (t_deadline, t_allocationLimit, t_stopped) = previous;
    }
}

/// <summary>Thrown into a C# rule that went over its budget.</summary>
internal sealed class CodeRuleStoppedException(string reason) : Exception($"The rule was stopped: it {reason}.")
{
    public string Reason { get; } = reason;
}
