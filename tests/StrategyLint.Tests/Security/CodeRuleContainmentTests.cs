using System.Text;
using StrategyLint.Analysis;
using StrategyLint.CodeRules;
using StrategyLint.Linting;
using StrategyLint.Tests.Cli;
using StrategyLint.Tests.CodeRules;
using StrategyLint.Configuration;

namespace StrategyLint.Tests.Security;

/// <summary>
/// Trusted C# rules still run contained: in a child process (the rule host) whose environment holds no secrets,
/// with a heap limit and a wall-clock limit. A rule that overflows its stack in code the guard cannot instrument,
/// hangs inside a library call, or keeps memory across documents costs only its own findings (SL0004); the other
/// rules report, the next document is analysed, and the run ends in bounded time. The host process never runs rule
/// code: descriptors, messages and properties arrive as data.
/// </summary>
public sealed class CodeRuleContainmentTests : IDisposable
{
    private readonly TempFolder _cache = new();

    public void Dispose() => _cache.Dispose();


    private static string Rule(string body, string members = "") => ProbeRules.Source(body, members);

    private CodeRuleResult Load(string source, double seconds = 10, long memory = RuleHostLimits.DefaultMemoryBytes) => ProbeRules.Load(_cache.Path, source, seconds, memory);

    /// <summary>Lints drafts (each with two sibling headings "A", which SL1004 reports) with the C# rule and SL1004.</summary>
    private static List<List<Finding>> Lint(StrategyRule rule, int documents = 1)
    {
        var linter = new StrategyLinter(new RuleCatalog([rule, new StrategyLint.Rules.Structure.SL1004DuplicateSiblingHeading()]), LintConfig.Default(Environment.CurrentDirectory));
        return [.. Enumerable.Range(1, documents).Select(i =>
        {
            var bytes = Encoding.UTF8.GetBytes($"# Draft {i}\n\n## A\n\nx\n\n## A\n\ny\n");
            return linter.LintFile(new InputFile($"d{i}.md", null, () => bytes)).Findings.ToList();
        })];
    }

    private static Finding Stopped(List<Finding> findings, string reason)
    {
        Assert.Contains(findings, f => f.Id == "SL1004");
        var failure = Assert.Single(findings, f => f.Id == "SL0004");
        Assert.Contains("house.Probe", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Contains(reason, StringComparison.Ordinal), failure.Message);
        return failure;
    }

    [Fact(Timeout = 120_000)]
    public async Task A_stack_overflow_in_generated_record_code_costs_only_that_rule_on_that_document()
    {
        // A record that contains itself: its compiler-generated GetHashCode recurses without a guard point.
        var source = Rule(
            "if (c.Document.Path == \"d1.md\") { var a = new Loop(); a.Next = a; c.ReportMissing(Descriptor, a.GetHashCode().ToString()); } else { c.ReportMissing(Descriptor, \"fine\"); }",
            "public sealed record Loop { public Loop? Next { get; set; } }");
        var runs = await Task.Run(() => Lint(Assert.Single(Load(source).Rules), documents: 2));
        Stopped(runs[0], "overflowed the stack");
        // The next document gets a new host, and the rule runs there.
        Assert.Contains(runs[1], f => f.Id == "house.Probe" && f.Message == "fine");
        Assert.Contains(runs[1], f => f.Id == "SL1004");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_rule_that_hangs_inside_a_library_call_is_ended_by_the_wall_clock()
    {
        // The backtracking happens inside the regex engine, where no guard point runs: only the host's clock stops it.
        var source = Rule("var slow = new Regex(\"^(a+)+$\", RegexOptions.None, TimeSpan.FromHours(1)); c.ReportMissing(Descriptor, slow.IsMatch(new string('a', 64) + \"!\").ToString());");
        var runs = await Task.Run(() => Lint(Assert.Single(Load(source, seconds: 0.5).Rules)));
        Stopped(runs[0], "its process was ended");
    }

    [Fact(Timeout = 120_000)]
    public async Task Memory_kept_across_documents_meets_the_heap_limit_and_the_next_document_gets_a_fresh_host()
    {
        var source = Rule(
            "for (var i = 0; i < 24; i++) Kept.Add(new string('x', 1_000_000)); c.ReportMissing(Descriptor, \"kept \" + Kept.Count);",
            "private static readonly List<string> Kept = new();");
        var runs = await Task.Run(() => Lint(Assert.Single(Load(source, memory: 128L * 1024 * 1024).Rules), documents: 6));
        var stopped = runs.FindIndex(r => r.Any(f => f.Id == "SL0004"));
        Assert.True(stopped > 0, "the rule was never stopped: " + string.Join(" | ", runs.SelectMany(r => r).Select(f => f.Message)));
        Stopped(runs[stopped], "memory");
        // Every document is still linted by the other rule, and after the stop the rule starts again from nothing.
        Assert.All(runs, r => Assert.Contains(r, f => f.Id == "SL1004"));
        Assert.Contains(runs.Skip(stopped + 1), r => r.Any(f => f.Id == "house.Probe" && f.Message == "kept 24"));
    }

    [Fact(Timeout = 120_000)]
    public async Task An_exception_whose_message_never_returns_is_read_in_the_host_under_the_guard()
    {
        var source = Rule(
            "throw new Endless();",
            "public sealed class Endless : Exception { public override string Message { get { var n = 0; while (true) { n++; } } } }");
        var runs = await Task.Run(() => Lint(Assert.Single(Load(source, seconds: 0.5).Rules)));
        Stopped(runs[0], "its message could not be read");
    }

    [Fact(Timeout = 120_000)]
    public async Task Descriptors_that_throw_or_never_return_are_load_problems_not_crashes()
    {
        var throwing = Rule("", "").Replace(
            "public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];",
            "public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => throw new InvalidOperationException(\"no list\");");
        var result = await Task.Run(() => Load(throwing));
        Assert.True(result.Rules.Count == 0, throwing);
        Assert.Contains(result.Problems, p => p.Message.Contains("failed while being created", StringComparison.Ordinal) && p.Message.Contains("no list", StringComparison.Ordinal));

        var endlessTitle = Rule("", "public sealed class Title : LocalizableString { protected override string GetText(IFormatProvider? p) { while (true) { } } protected override int GetHash() => 1; protected override bool AreEqual(object? o) => false; }")
            .Replace("RuleDescriptors.Create(\"house.Probe\", \"Probe\", \"{0}\", RuleCategories.Custom, DiagnosticSeverity.Warning, \"A probe.\")",
                     "new DiagnosticDescriptor(\"house.Probe\", new Title(), \"{0}\", RuleCategories.Custom, DiagnosticSeverity.Warning, true)");
        result = await Task.Run(() => Load(endlessTitle, seconds: 0.5));
        Assert.Empty(result.Rules);
        Assert.Contains(result.Problems, p => p.Message.Contains("ran out of time", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_arrive_as_data_with_properties_and_fixes()
    {
        var source = Rule("c.ReportWithFix(Descriptor, new TextSpan(0, 1), new StrategyFix(\"Add\", [new TextChange(new TextSpan(0, 0), \"x\")]), new Dictionary<string, string> { [\"k\"] = \"v\" }, \"with {braces} and a fix\");");
        var finding = Assert.Single(Lint(Assert.Single(Load(source).Rules))[0], f => f.Id == "house.Probe");
        Assert.Equal("with {braces} and a fix", finding.Message);
        Assert.Equal("v", finding.Properties!["k"]);
        Assert.Equal("Add", finding.Fix!.Title);
        Assert.Equal((1, 1), (finding.Line, finding.Column));
    }

    [Fact]
    public void The_rule_host_inherits_no_environment_variable_but_the_runtime_location_and_its_limits()
    {
        var secret = "ghs_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("STRATEGYLINT_TEST_TOKEN", secret);
        try
        {
            var names = RuleHostProcess.Environment(RuleHostLimits.DefaultMemoryBytes).Select(e => e.Name).ToList();
            Assert.DoesNotContain("STRATEGYLINT_TEST_TOKEN", names);
            Assert.DoesNotContain("HOME", names);
            Assert.DoesNotContain("PATH", names);
            Assert.Contains("DOTNET_GCHeapHardLimit", names);
            if (!OperatingSystem.IsLinux())
                return;
            // What the child really holds, read from outside it.
            using var host = RuleHostProcess.Start(RuleHostLimits.DefaultMemoryBytes);
            var environ = File.ReadAllText($"/proc/{host.ProcessId}/environ");
            Assert.DoesNotContain(secret, environ, StringComparison.Ordinal);
            Assert.Contains("DOTNET_GCHeapHardLimit=20000000", environ, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("STRATEGYLINT_TEST_TOKEN", null);
        }
    }
}
