using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Cli;
using StrategyLint.Linting;
using StrategyLint.Profiles;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Output;

/// <summary>What the output tests share: drafts, a structure-only config, positions found by search, and runs with environment variables.</summary>
internal static class OutputTestSupport
{
    /// <summary>
    /// SL2010's example: risk management has two passing mentions and no section, the other areas have sections,
    /// so the coverage matrix shows it thin. Shared by the markdown, html and coverage views' tests.
    /// </summary>
    public const string ThinRiskManagementDraft = """
        # National Cybersecurity Strategy of Examplia

        ## Governance

        The Examplia Cybersecurity Council, chaired by the Prime Minister, leads this strategy and reports to Parliament each year.

        ## Incident response

        A national team in the Ministry of ICT will be on call around the clock for public bodies from 2026.

        ## Critical infrastructure

        Operators of power grids, water works and payment systems will meet a minimum security baseline from 2027.

        ## Skills and awareness

        Universities will offer two hundred places a year in information security, funded by the Ministry of ICT.

        ## Legislation

        The Ministry of Justice will put a bill on computer misuse before Parliament in 2026.

        ## International cooperation

        The Ministry of Foreign Affairs will appoint a cyber envoy and open talks with neighbouring states.

        ## Implementation

        Every ministry will carry out a yearly risk assessment of its networks, and the Council will keep a national risk register.
        """;


    /// <summary>A draft whose level-4 heading follows a level-2 one: exactly one SL1002 warning with the structure rules.</summary>
    public const string SkippedLevelDraft = """
        # Kestland National Cyber Security Strategy

        Internal working draft. Not for circulation outside government.

        ## Governance

        Responsibility for cyber security is currently shared informally between several ministries.

        #### Lead agency

        The Office of the Chief Information Officer (OCIO) will be the lead agency for cyber security in government.
        """;

    public const string SkippedHeading = "#### Lead agency";

    /// <summary>Only the Structure and Tool rules, so counts do not change when rules of other categories are added.</summary>
    public const string StructureOnlyConfig = """
        {
          "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off" }
        }
        """;

    public static void WriteStructureOnlyConfig(TempFolder folder) => folder.Write("strategylint.json", StructureOnlyConfig);

    /// <summary>The 1-based line of the first occurrence of <paramref name="needle"/>, found by searching the text.</summary>
    public static int LineOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' is not in the text");
        return text[..index].Count(c => c == '\n') + 1;
    }

    public static string[] Lines(string text) => text.Split('\n');

    /// <summary>Runs the CLI in-process with the given environment variables (CliRunner has none).</summary>
    public static CliRun RunWithVariables(string workingDirectory, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(workingDirectory, output, error, () => [], false, true, Variables: name => variables.GetValueOrDefault(name));
        var exit = StrategyLintCli.Run(args, environment);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>A finding on one line of <paramref name="path"/>, columns 1 to <paramref name="length"/>+1.</summary>
    public static Finding MakeFinding(DiagnosticDescriptor descriptor, string path, int line, RuleSeverity severity, string message, int length = 5) =>
        new(descriptor, path, new TextSpan(0, length), new LinePositionSpan(new LinePosition(line - 1, 0), new LinePosition(line - 1, length)), message, severity);

    public static LintResult ResultOf(string path, params Finding[] findings) =>
        new([new FileResult(new InputFile(path, null), findings, null, Skipped: false, new ProfileChoice(StrategyProfiles.NationalCybersecurityStrategy, ProfileChoice.FromFlag, "test"))]);

    public static JsonElement SarifRun(JsonDocument sarif) => sarif.RootElement.GetProperty("runs")[0];

    public static List<JsonElement> SarifResults(JsonDocument sarif) => [.. SarifRun(sarif).GetProperty("results").EnumerateArray()];

    public static JsonElement PhysicalLocation(JsonElement result) => result.GetProperty("locations")[0].GetProperty("physicalLocation");

    public static string ArtifactUri(JsonElement result) => PhysicalLocation(result).GetProperty("artifactLocation").GetProperty("uri").GetString()!;

    public static int StartLine(JsonElement result) => PhysicalLocation(result).GetProperty("region").GetProperty("startLine").GetInt32();

    public static string? LineHash(JsonElement result) =>
        result.TryGetProperty("partialFingerprints", out var fingerprints) ? fingerprints.GetProperty("primaryLocationLineHash").GetString() : null;

    public static string RuleId(JsonElement result) => result.GetProperty("ruleId").GetString()!;
}
