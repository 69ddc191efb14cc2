using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;

namespace StrategyLint.CodeRules;

/// <summary>
/// A user's C# rule as the engine in this process sees it: descriptors, profiles and coverage copied as plain data
/// from the rule host, and one document action that asks the host to run the rule and reports what comes back. The
/// rule's own code only ever runs in the host (<see cref="RuleHostServer"/>).
/// </summary>
internal sealed class HostedCodeRule : StrategyRule
{
    private readonly RuleHostPool _pool;
    private readonly int _index;
    private readonly Dictionary<string, DiagnosticDescriptor> _byId;

    public HostedCodeRule(RuleHostPool pool, int index, HostedRuleInfo info)
    {
        _pool = pool;
        _index = index;
        TypeName = info.TypeName;
        // Messages arrive formatted (the rule's arguments are its objects, formatted in the host): "{0}" passes them on.
        SupportedDiagnostics = [.. info.Descriptors.Select(d => new DiagnosticDescriptor(
            d.Id, d.Title, "{0}", d.Category, (DiagnosticSeverity)Math.Clamp(d.DefaultSeverity, 0, 3), d.EnabledByDefault, d.Description,
            d.HelpUri, [.. d.Tags]))];
        _byId = SupportedDiagnostics.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Profiles = info.Profiles;
        Coverage = info.CoverageId is { } id ? new CoverageTopic(id, info.CoverageLabel ?? id) : null;
    }

    /// <summary>
    /// The longest one document can wait for this rule: its own budget plus the host's grace. A file's time budget
    /// (limits.timeoutSecondsPerFile) is for the other rules; a C# rule is bounded by this instead, so a rule that hangs
    /// costs its own findings (SL0004), not the whole file's.
    /// </summary>
    public TimeSpan Limit => _pool.Limits.Budget + RuleHostLimits.Grace;

    /// <summary>The rule's class name, for SARIF's rule name.</summary>
    public string TypeName { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override IReadOnlyCollection<string>? Profiles { get; }

    public override CoverageTopic? Coverage { get; }

    public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(Run);

    private void Run(DocumentAnalysisContext context)
    {
        HostResponse response;
        try
        {
            response = _pool.Run(_index, context.Document);
        }
        catch (RuleHostCrashedException crashed)
        {
            throw new CodeRuleStoppedException(crashed.Reason);
        }
        switch (response.Kind)
        {
            case HostResponse.ResultKind:
                break;
            case HostResponse.StoppedKind:
                throw new CodeRuleStoppedException(StoppedReason(response.Detail));
            case HostResponse.FailedKind:
                throw new CodeRuleFailedException(response.FailureKind ?? "Exception", response.Detail ?? "");
            default:
                throw new CodeRuleStoppedException($"could not be run by the rule host ({response.Detail})");
        }
        // Everything below is data; the engine checks ids and spans as it does for any rule.
        foreach (var finding in response.Findings ?? [])
        {
            if (!_byId.TryGetValue(finding.Id, out var descriptor))
                throw new CodeRuleFailedException(nameof(ArgumentException), $"The rule reported {finding.Id}, which is not among its SupportedDiagnostics.");
            var span = new TextSpan(Math.Max(0, finding.Start), Math.Max(0, finding.Length));
            if (finding.Fix is { } fix)
            {
                var changes = fix.Changes.Select(c => new TextChange(new TextSpan(Math.Max(0, c.Start), Math.Max(0, c.Length)), c.NewText)).ToList();
                context.ReportWithFix(descriptor, span, new StrategyFix(fix.Title, changes), finding.Properties, finding.Message);
            }
            else if (finding.Properties is { } properties)
            {
                context.Report(descriptor, span, properties, finding.Message);
            }
            else
            {
                context.Report(descriptor, span, finding.Message);
            }
        }
    }

    // The host words it as "The rule was stopped: it ran out of time (…)."; the engine adds its own framing.
    private static string StoppedReason(string? detail)
    {
        const string Prefix = "The rule was stopped: it ";
        var text = detail ?? "was stopped";
        return text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].TrimEnd('.') : text;
    }
}

/// <summary>A C# rule threw on a document (in the rule host); the kind is the exception's type name.</summary>
internal sealed class CodeRuleFailedException(string kind, string detail) : Exception(detail)
{
    public string Kind { get; } = kind;

    public string Detail { get; } = detail;
}
