using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Security;

/// <summary>
/// Trust is granted by the command line (the workflow), never by the configuration (the pull request): a
/// strategylint.json that enables C# rules without --trust-code-rules gets one notice, and its rules are neither
/// compiled nor run, while every other rule still reports.
/// </summary>
public sealed class CodeRuleTrustTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string Config = """{ "codeRules": { "enabled": true, "paths": ["rules/*.cs"] } }""";

    private const string Draft = "# Draft\n\n## A\n\nx\n\n## A\n\ny\n";

    private const string ReportingRule = """
        public sealed class MarkRule : StrategyRule
        {
            public static readonly DiagnosticDescriptor Descriptor = RuleDescriptors.Create("house.Mark", "Mark", "the C# rule ran", RuleCategories.Custom, DiagnosticSeverity.Warning, "d");
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];
            public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(c => c.ReportMissing(Descriptor));
        }
        """;

    [Fact]
    public void Without_trust_a_config_cannot_compile_or_run_csharp_rules()
    {
        _folder.Write("strategylint.json", Config);
        // Not even valid C#: had it been compiled, SL0001 would say so.
        _folder.Write("rules/Escape.cs", "this is not C# at all {");
        _folder.Write("draft.md", Draft);
        var run = CliRunner.Run(_folder.Path, "draft.md", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("they run only when the command line grants trust with --trust-code-rules", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, run.Error.Split('\n').Count(l => l.Contains("--trust-code-rules", StringComparison.Ordinal)));
        // The notice is also an info-level SL0001 on the configuration, so SARIF and the job summary show it; a
        // compiled file would have added an error-level SL0001 saying it does not compile.
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(run.Out, "\"id\": \"SL0001\""));
        Assert.DoesNotContain("does not compile", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"SL1004\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_config_runs_its_rules_when_the_command_line_grants_trust()
    {
        _folder.Write("strategylint.json", Config);
        _folder.Write("rules/Mark.cs", ReportingRule);
        _folder.Write("draft.md", Draft);
        var untrusted = CliRunner.Run(_folder.Path, "draft.md", "--format", "json");
        Assert.DoesNotContain("house.Mark", untrusted.Out, StringComparison.Ordinal);
        var trusted = CliRunner.Run(_folder.Path, "draft.md", "--format", "json", "--trust-code-rules");
        Assert.True(trusted.ExitCode == 0, trusted.Error);
        Assert.Contains("\"id\": \"house.Mark\"", trusted.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--trust-code-rules", trusted.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coverage")]
    [InlineData("rules")]
    public void Every_command_that_loads_the_config_asks_for_trust(string command)
    {
        _folder.Write("strategylint.json", Config);
        _folder.Write("rules/Mark.cs", ReportingRule);
        _folder.Write("draft.md", Draft);
        var args = command == "rules" ? new[] { command } : [command, "draft.md"];
        var untrusted = CliRunner.Run(_folder.Path, args);
        Assert.Contains("--trust-code-rules", untrusted.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("house.Mark", untrusted.Out, StringComparison.Ordinal);
        if (command == "rules")
            Assert.Contains("house.Mark", CliRunner.Run(_folder.Path, [.. args, "--trust-code-rules"]).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_folder_of_csharp_rules_is_not_walked_even_with_trust()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var outside = new TempFolder();
        outside.Write("Mark.cs", ReportingRule);
        _folder.Write(".git/HEAD", "ref: refs/heads/main\n");
        _folder.Write("strategylint.json", """{ "codeRules": { "enabled": true, "paths": ["rules/**/*.cs"] } }""");
        _folder.Write("rules/Own.cs", ReportingRule.Replace("MarkRule", "OwnRule").Replace("house.Mark", "house.Own"));
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "rules", "shared"), outside.Path);
        _folder.Write("draft.md", Draft);
        var run = CliRunner.Run(_folder.Path, "draft.md", "--format", "json", "--trust-code-rules");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("rules/shared is a symbolic link", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\": \"house.Mark\"", run.Out, StringComparison.Ordinal);
    }
}
