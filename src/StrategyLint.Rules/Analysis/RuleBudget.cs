namespace StrategyLint.Analysis;

/// <summary>
/// The time budget of the rules on one document (<c>limits.timeoutSecondsPerFile</c>), visible to the code the
/// rules call on the same thread. <see cref="RuleRunner"/> checks it between actions; long loops inside the engine
/// (a term scan over a whole draft) check it per step with <see cref="ThrowIfSpent"/>, so one slow pattern or rule
/// cannot keep a file going past its budget. The runner's cancellation token carries the same deadline to rules.
/// </summary>
internal static class RuleBudget
{
    [ThreadStatic]
    private static CancellationToken t_token;

    /// <summary>Makes <paramref name="token"/> the current thread's budget until the returned scope is disposed.</summary>
    public static Scope Enter(CancellationToken token)
    {
        var previous = t_token;
        t_token = token;
        return new Scope(previous);
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the current document's budget is spent.</summary>
    public static void ThrowIfSpent() => t_token.ThrowIfCancellationRequested();

    /// <summary>Restores the budget that was current before <see cref="Enter"/>.</summary>
    public readonly struct Scope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => t_token = previous;
    }
}
