using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Syntax;

namespace StrategyLint.CodeRules;

/// <summary>
/// A user's C# rule as the rule host (<see cref="RuleHostServer"/>, a child process) runs it: every call into the rule runs under a time and allocation budget per
/// document (<see cref="CodeRuleGuard"/>), an out-of-memory in the rule is its failure rather than the run's, and
/// a rule stopped on a document is reported there (SL0004) while the run goes on.
/// </summary>
internal sealed class SandboxedRule : StrategyRule
{
    /// <summary>Bytes a rule may allocate on one document: far beyond any honest rule, well below the machine.</summary>
    public const long AllocationBudget = 1L << 30;

    private readonly StrategyRule _inner;
    private readonly TimeSpan _budget;
    private readonly long _allocationBudget;
    private readonly ConditionalWeakTable<StrategyDocument, StrongBox<TimeSpan>> _spent = new();
    private readonly ImmutableArray<DiagnosticDescriptor> _diagnostics;
    private readonly IReadOnlyCollection<string>? _profiles;
    private readonly CoverageTopic? _coverage;

    public SandboxedRule(StrategyRule inner, TimeSpan budget, long allocationBudget = AllocationBudget)
    {
        _inner = inner;
        _budget = budget;
        _allocationBudget = allocationBudget;
        // Read once, under the guard: a property getter is the rule's code too.
        using var scope = CodeRuleGuard.Enter(budget, allocationBudget);
        _diagnostics = inner.SupportedDiagnostics;
        _profiles = inner.Profiles;
        _coverage = inner.Coverage;
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _diagnostics;

    public override IReadOnlyCollection<string>? Profiles => _profiles;

    public override CoverageTopic? Coverage => _coverage;

    public override void Initialize(StrategyAnalysisContext context)
    {
        var inner = new StrategyAnalysisContext();
        Run(null, () => _inner.Initialize(inner));
        foreach (var action in inner.DocumentActions)
            context.RegisterDocumentAction(c => Run(c.Document, () => action(c)));
        foreach (var action in inner.SectionActions)
            context.RegisterSectionAction(c => Run(c.Document, () => action(c)));
        foreach (var (kinds, action) in inner.BlockActions)
            context.RegisterBlockAction(c => Run(c.Document, () => action(c)), kinds);
    }

    private void Run(StrategyDocument? document, Action action)
    {
        var spent = document is null ? new StrongBox<TimeSpan>() : _spent.GetValue(document, _ => new StrongBox<TimeSpan>());
        var left = _budget - spent.Value;
        if (left <= TimeSpan.Zero)
            throw new CodeRuleStoppedException($"ran out of time ({_budget.TotalSeconds:0.#} s on this document)");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var scope = CodeRuleGuard.Enter(left, _allocationBudget);
        try
        {
            action();
        }
        catch (OutOfMemoryException)
        {
            throw new CodeRuleStoppedException("ran out of memory");
        }
        catch (InsufficientExecutionStackException)
        {
            throw new CodeRuleStoppedException("recursed so deeply that it nearly overflowed the stack");
        }
        catch (TypeInitializationException wrapped) when (Innermost(wrapped) is CodeRuleStoppedException stopped)
        {
            // A stop inside a static constructor reaches us wrapped: report the stop, not the wrapper.
            throw stopped;
        }
        finally
        {
            spent.Value += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
        // A rule that swallowed the guard's exception is stopped all the same.
        if (scope.StoppedReason is { } reason)
            throw new CodeRuleStoppedException(reason == "ran out of time" ? $"ran out of time ({_budget.TotalSeconds:0.#} s on this document)" : reason);
    }

    private static Exception Innermost(Exception error)
    {
        while (error is TypeInitializationException { InnerException: { } inner })
            error = inner;
        return error;
    }
}
