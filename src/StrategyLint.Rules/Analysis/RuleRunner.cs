using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Rules.Tool;
using StrategyLint.Syntax;

namespace StrategyLint.Analysis;

/// <summary>
/// Initializes every rule once, then walks each document once (document, then sections, then blocks in
/// document order) and dispatches to the registered actions. A rule that throws on a document is reported
/// as SL0004 for that document and not called again on it; the other rules go on. The work one document can
/// cause is bounded by <see cref="RunLimits"/>: findings beyond the cap per rule are counted, not built, and
/// summarised in one finding; past the time budget the run of the document stops with
/// <see cref="RuleBudgetExceededException"/>.
/// </summary>
internal sealed class RuleRunner
{
    private readonly List<Registration> _registrations = [];
    private readonly List<(StrategyRule Rule, Exception Error)> _initializationFailures = [];

    public RuleRunner(RuleCatalog catalog)
    {
        foreach (var rule in catalog.Rules)
        {
            var context = new StrategyAnalysisContext();
            try
            {
                rule.Initialize(context);
                _registrations.Add(new Registration(rule, [.. rule.SupportedDiagnostics.Select(d => d.Id)], context));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _initializationFailures.Add((rule, ex));
            }
        }
    }

    // profile: the document's profile; rules that name other profiles do not run.
    // checkedIds: receives the ids of the diagnostics that were checked (rule ran, severity not off), for the coverage matrix.
    // limits: the findings cap and time budget of this document (none when null).
    // onFailure: receives each rule's failure instead of an SL0004 finding (the C# rule host sends failures back to its parent).
    // unreadable: receives the ids of the diagnostics skipped because the rules cannot read the document's language (LanguageSupport).
    public List<Finding> Run(StrategyDocument document, string? profile, Func<DiagnosticDescriptor, RuleSeverity> severityOf, CancellationToken cancellationToken = default, ISet<string>? checkedIds = null, RunLimits? limits = null, Action<StrategyRule, Exception>? onFailure = null, ISet<string>? unreadable = null)
    {
        limits ??= RunLimits.None;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limits.TimeBudget is { } time)
            budget.CancelAfter(time);
        using var scope = RuleBudget.Enter(budget.Token);
        try
        {
            return RunWithin(document, profile, severityOf, budget.Token, checkedIds, limits.MaxFindingsPerRule, onFailure, unreadable);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RuleBudgetExceededException(limits.TimeBudget!.Value);
        }
    }

    private List<Finding> RunWithin(StrategyDocument document, string? profile, Func<DiagnosticDescriptor, RuleSeverity> severityOf, CancellationToken cancellationToken, ISet<string>? checkedIds, int maxFindingsPerRule, Action<StrategyRule, Exception>? onFailure, ISet<string>? unreadable)
    {
        var findings = new List<Finding>();
        var fail = onFailure ?? ((rule, error) => AddFailure(document, findings, rule, error, severityOf));
        foreach (var (rule, error) in _initializationFailures)
            fail(rule, error);

        var active = _registrations
            .Where(r => profile is null || r.Rule.Profiles is null || r.Rule.Profiles.Contains(profile, StringComparer.OrdinalIgnoreCase))
            .Where(r => r.Rule.SupportedDiagnostics.Any(d => severityOf(d) != RuleSeverity.Off))
            .ToList();
        // A draft in a language the domain rules have no vocabulary for: they would call every topic missing, so they do not run.
        if (active.Any(r => Languages.LanguageSupport.ReadsVocabulary(r.Rule)) && !document.Language.HasDomainVocabulary)
        {
            foreach (var skipped in active.Where(r => Languages.LanguageSupport.Skips(r.Rule, document.Language)).ToList())
            {
                active.Remove(skipped);
                foreach (var descriptor in skipped.Rule.SupportedDiagnostics.Where(d => severityOf(d) != RuleSeverity.Off))
                    unreadable?.Add(descriptor.Id);
            }
        }
        if (checkedIds is not null)
        {
            foreach (var descriptor in active.SelectMany(r => r.Rule.SupportedDiagnostics).Where(d => severityOf(d) != RuleSeverity.Off))
                checkedIds.Add(descriptor.Id);
        }
        if (active.Count == 0)
            return findings;

        var states = active.Select(r => new RuleState(r, document, findings, severityOf, cancellationToken, maxFindingsPerRule)).ToList();

        foreach (var state in states)
            foreach (var action in state.Registration.Context.DocumentActions)
                state.Invoke(() => action(new DocumentAnalysisContext(document, state.Report, cancellationToken)));

        foreach (var section in document.Sections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var state in states)
                foreach (var action in state.Registration.Context.SectionActions)
                    state.Invoke(() => action(new SectionAnalysisContext(section, state.Report, cancellationToken)));
        }

        var anyBlockActions = states.Any(s => s.Registration.Context.BlockActions.Count > 0);
        if (anyBlockActions)
        {
            foreach (var block in document.Blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var state in states)
                {
                    foreach (var (kinds, action) in state.Registration.Context.BlockActions)
                    {
                        if (kinds.Length == 0 || Array.IndexOf(kinds, block.Kind) >= 0)
                            state.Invoke(() => action(new BlockAnalysisContext(block, state.Report, cancellationToken)));
                    }
                }
            }
        }

        foreach (var state in states)
            state.AddOmittedSummaries();
        foreach (var state in states.Where(s => s.Failure is not null))
            fail(state.Registration.Rule, state.Failure!);
        return findings;
    }

    private static void AddFailure(StrategyDocument document, List<Finding> findings, StrategyRule rule, Exception error, Func<DiagnosticDescriptor, RuleSeverity> severityOf)
    {
        var descriptor = SL0004RuleFailed.Rule;
        var severity = severityOf(descriptor);
        if (severity == RuleSeverity.Off)
            return;
        var ids = string.Join(", ", rule.SupportedDiagnostics.Select(d => d.Id));
        var span = new TextSpan(0, 0);
        // Who can act on it: a user's own rule (a folder pack, a C# rule) is theirs to fix; a shipped rule is ours.
        var userRule = rule is CodeRules.HostedCodeRule || rule is Packs.PackRule { SourcePath: not null };
        var (kind, detail, advice) = error switch
        {
            System.Text.RegularExpressions.RegexMatchTimeoutException timeout => ("pattern timeout",
                $"the pattern /{(timeout.Pattern.StartsWith("(?:", StringComparison.Ordinal) && timeout.Pattern.EndsWith(')') ? timeout.Pattern[3..^1] : timeout.Pattern)}/ took more than {timeout.MatchTimeout.TotalSeconds:0.#} s on this document",
                "Rewrite the pattern so that it cannot backtrack without end (docs/writing-rule-packs.md, 'How terms match')."),
            CodeRuleStoppedException stopped => ("stopped", stopped.Message.TrimEnd('.'), "Fix the C# rule (docs/writing-csharp-rules.md, 'When a rule misbehaves')."),
            CodeRules.CodeRuleFailedException failed => (failed.Kind, failed.Detail.TrimEnd('.'), "The rule is your own: fix it, or switch it off in strategylint.json."),
            _ => (error.GetType().Name, error.Message.TrimEnd('.'), userRule ? "The rule is your own: fix it, or switch it off in strategylint.json." : "Please report this together with the document."),
        };
        var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), ids, kind, detail, advice);
        findings.Add(new Finding(descriptor, document.Path, span, document.GetLinePositionSpan(span), message, severity));
    }

    /// <summary>
    /// Messages quote document text; a line break in one would let that text start a line of its own in a log,
    /// where CI runners read "::command::" lines. Every output format gets one-line messages.
    /// </summary>
    internal static string OneLine(string message) =>
        message.AsSpan().IndexOfAny('\r', '\n') < 0 ? message : string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private sealed record Registration(StrategyRule Rule, HashSet<string> Ids, StrategyAnalysisContext Context);


    /// <summary>
    /// Per rule and document: reports into the shared list, remembers the first failure, and counts the findings
    /// past the cap per descriptor (the first of them kept, to be shown with the count).
    /// </summary>
    private sealed class RuleState(Registration registration, StrategyDocument document, List<Finding> findings, Func<DiagnosticDescriptor, RuleSeverity> severityOf, CancellationToken cancellationToken, int maxFindings)
    {
        private readonly Dictionary<string, int> _reported = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Finding> _firstOmitted = new(StringComparer.Ordinal);

        public Registration Registration { get; } = registration;

        public Exception? Failure { get; private set; }

        public void Invoke(Action action)
        {
            if (Failure is not null)
                return;
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                action();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Failure = ex;
            }
        }

        public void Report(DiagnosticDescriptor descriptor, TextSpan span, IReadOnlyDictionary<string, string>? properties, StrategyFix? fix, object?[] args)
        {
            if (fix is not null && fix.Changes.Any(c => c.Span.End > document.Text.Length))
                throw new ArgumentOutOfRangeException(nameof(fix), $"The fix '{fix.Title}' changes text outside the document (length {document.Text.Length}).");
            // As in Roslyn, a rule may only report the descriptors it declared.
            if (!Registration.Ids.Contains(descriptor.Id))
                throw new ArgumentException($"The rule reported {descriptor.Id}, which is not among its SupportedDiagnostics.", nameof(descriptor));
            if (span.End > document.Text.Length)
                throw new ArgumentOutOfRangeException(nameof(span), $"The span {span} lies outside the document (length {document.Text.Length}).");
            var severity = severityOf(descriptor);
            if (severity == RuleSeverity.Off)
                return;
            // Past the cap a finding is only counted: a hostile draft with millions of them costs no memory.
            var count = _reported.GetValueOrDefault(descriptor.Id);
            _reported[descriptor.Id] = count + 1;
            if (count > maxFindings)
                return;
            var format = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var message = OneLine(args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
            var finding = new Finding(descriptor, document.Path, span, document.GetLinePositionSpan(span), message, severity, properties) { Fix = fix };
            if (count == maxFindings)
                _firstOmitted[descriptor.Id] = finding;
            else
                findings.Add(finding);
        }

        /// <summary>Adds, for each descriptor past the cap, its first omitted finding, saying how many more there were.</summary>
        public void AddOmittedSummaries()
        {
            foreach (var (id, first) in _firstOmitted)
            {
                var more = _reported[id] - maxFindings - 1;
                findings.Add(more == 0 ? first : first with
                {
                    Message = string.Format(CultureInfo.InvariantCulture,
                        "{0} … and {1:N0} more like this in this file, not listed: StrategyLint lists at most {2:N0} findings of a rule per file (limits.maxFindingsPerRule in strategylint.json).",
                        first.Message, more, maxFindings),
                });
            }
        }
    }
}

/// <summary>The bounds on the work of one document: findings kept per rule, and the time its rules may take (none when null).</summary>
internal sealed record RunLimits(int MaxFindingsPerRule, TimeSpan? TimeBudget)
{
    public static readonly RunLimits None = new(int.MaxValue, null);
}

/// <summary>The rules on one document used up its time budget; the linter skips the file with SL0005.</summary>
internal sealed class RuleBudgetExceededException(TimeSpan budget)
    : Exception($"The rules took more than {budget.TotalSeconds:0.#} s on this document.")
{
    public TimeSpan Budget { get; } = budget;
}
