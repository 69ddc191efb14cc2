using StrategyLint.Analysis;
using StrategyLint.Cli.Output;
using StrategyLint.Tests.Cli;
using static StrategyLint.Tests.Output.OutputTestSupport;

namespace StrategyLint.Tests.Output;

/// <summary>GitHub Actions workflow commands (../shared/docs/sarif-github.md §A.10): escaping, order, columns and limits.</summary>
public sealed class GitHubOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static List<string> Commands(CliRun run) => [.. Lines(run.Out).Where(l => l.StartsWith("::", StringComparison.Ordinal))];

    /// <summary>The value of one property of a workflow command (between "name=" and the next ',' or "::").</summary>
    private static string? Property(string command, string name)
    {
        var header = command[2..command.IndexOf("::", 2, StringComparison.Ordinal)];
        var properties = header[(header.IndexOf(' ') + 1)..].Split(',');
        return properties.Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => p[1]).SingleOrDefault();
    }

    private static string Data(string command) => command[(command.IndexOf("::", 2, StringComparison.Ordinal) + 2)..];

    // ---- injection ------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_heading_that_spells_a_workflow_command_stays_inside_its_own_annotation()
    {
        WriteStructureOnlyConfig(_folder);
        const string draft = """
            # T

            Some text.

            ## A

            More text.

            #### Evil %0A::error::pwned

            Body text.
            """;
        _folder.Write("evil.md", draft);

        var run = CliRunner.Run(_folder.Path, "evil.md", "--format", "github");

        Assert.Equal(0, run.ExitCode);
        var command = Assert.Single(Commands(run));
        Assert.StartsWith("::warning ", command, StringComparison.Ordinal);
        Assert.Equal(LineOf(draft, "#### Evil").ToString(System.Globalization.CultureInfo.InvariantCulture), Property(command, "line"));
        Assert.Equal("SL1002%3A Heading levels should increase one step at a time", Property(command, "title"));
        Assert.Contains("Evil %250A::error::pwned", Data(command), StringComparison.Ordinal);
        // Nothing in the whole output could be read as an error command, and no raw %0A survives to be decoded.
        Assert.DoesNotContain(Lines(run.Out), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.DoesNotContain("Evil %0A", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setext_heading_whose_second_line_is_a_command_does_not_start_a_line()
    {
        WriteStructureOnlyConfig(_folder);
        const string draft = """
            # T

            Some text.

            Evil
            ::error::pwned
            --------------

            ## B

            Text.
            """;
        _folder.Write("setext.md", draft);

        var run = CliRunner.Run(_folder.Path, "setext.md", "--format", "github");

        // SL1003: the setext section is empty; its title (both lines) is quoted in the message.
        var command = Assert.Single(Commands(run));
        Assert.StartsWith("::warning ", command, StringComparison.Ordinal);
        Assert.Contains("SL1003", Property(command, "title"), StringComparison.Ordinal);
        Assert.Contains("::error::pwned", Data(command), StringComparison.Ordinal);
        Assert.Equal(LineOf(draft, "Evil").ToString(System.Globalization.CultureInfo.InvariantCulture), Property(command, "line"));
        Assert.DoesNotContain(Lines(run.Out), l => l.StartsWith("::error", StringComparison.Ordinal));
        // The region spans the heading's lines, so no columns may be given.
        Assert.Equal(LineOf(draft, "-----").ToString(System.Globalization.CultureInfo.InvariantCulture), Property(command, "endLine"));
        Assert.Null(Property(command, "col"));
        Assert.Null(Property(command, "endColumn"));
    }

    [Fact]
    public void A_real_error_is_the_only_line_that_starts_with_error()
    {
        _folder.Write("strategylint.json", """
            {
              "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off", "SL1002": "error" }
            }
            """);
        const string draft = """
            # T

            Some text.

            ## A

            More text.

            #### Evil %0A::error::pwned

            Body text.
            """;
        _folder.Write("evil.md", draft);

        var run = CliRunner.Run(_folder.Path, "evil.md", "--format", "github");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(Lines(run.Out), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith("::error file=evil.md,", error, StringComparison.Ordinal);
        Assert.Contains("%250A::error::pwned", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_path_with_a_comma_and_a_colon_is_escaped_in_the_file_property()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write(Path.Combine("drafts", "a,b:c.md"), SkippedLevelDraft);

        var run = CliRunner.Run(_folder.Path, "drafts", "--format", "github");

        var command = Assert.Single(Commands(run));
        Assert.Equal("drafts/a%2Cb%3Ac.md", Property(command, "file"));
        Assert.Contains("::warning file=drafts/a%2Cb%3Ac.md,line=", command, StringComparison.Ordinal);
    }

    // ---- order, columns, levels ---------------------------------------------------------------------------------------

    [Fact]
    public void Errors_come_before_warnings_before_notices_whatever_the_document_order()
    {
        // In the document: SL1004 (info) first, then SL1002 (warning), then SL1003 (error) last.
        _folder.Write("strategylint.json", """
            {
              "rules": { "FocusAreas": "off", "Clauses": "off", "Assistance": "off", "Principles": "off", "SL1004": "info", "SL1003": "error" }
            }
            """);
        const string draft = """
            # T

            Some text.

            ## Goals

            Text.

            ## Goals

            More text.

            #### Deep

            Body.

            ## Empty
            """;
        _folder.Write("order.md", draft);

        var run = CliRunner.Run(_folder.Path, "order.md", "--format", "github");

        var commands = Commands(run);
        Assert.Equal(3, commands.Count);
        Assert.StartsWith("::error ", commands[0], StringComparison.Ordinal);
        Assert.Contains("SL1003", Property(commands[0], "title"), StringComparison.Ordinal);
        Assert.StartsWith("::warning ", commands[1], StringComparison.Ordinal);
        Assert.Contains("SL1002", Property(commands[1], "title"), StringComparison.Ordinal);
        Assert.StartsWith("::notice ", commands[2], StringComparison.Ordinal);
        Assert.Contains("SL1004", Property(commands[2], "title"), StringComparison.Ordinal);

        // Positions come from the text; one-line regions carry col and endColumn.
        Assert.Equal(LineOf(draft, "## Empty").ToString(System.Globalization.CultureInfo.InvariantCulture), Property(commands[0], "line"));
        Assert.Equal(LineOf(draft, "#### Deep").ToString(System.Globalization.CultureInfo.InvariantCulture), Property(commands[1], "line"));
        var secondGoals = draft.IndexOf("## Goals", draft.IndexOf("## Goals", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        Assert.Equal((draft[..secondGoals].Count(c => c == '\n') + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Property(commands[2], "line"));
        Assert.Equal(Property(commands[1], "line"), Property(commands[1], "endLine"));
        Assert.Equal("1", Property(commands[1], "col"));
        Assert.Equal(("#### Deep".Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Property(commands[1], "endColumn"));
        // The summary follows the commands.
        Assert.Contains("1 error, 1 warning and 1 info message in 1 file.", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Error", "::error ")]
    [InlineData("Warning", "::warning ")]
    [InlineData("Info", "::notice ")]
    public void Levels_map_to_workflow_commands(string severity, string prefix)
    {
        var finding = MakeFinding(RuleCatalog.BuiltIn.Find("SL1002")!, "draft.md", 4, Enum.Parse<RuleSeverity>(severity), "Message.");

        var command = GitHubFormatter.Command(finding);

        Assert.StartsWith(prefix + "file=draft.md,line=4,endLine=4,col=1,endColumn=6,title=SL1002%3A ", command, StringComparison.Ordinal);
        Assert.EndsWith("::Message. (https://github.com/strategylint/strategylint/blob/main/docs/rules/SL1002.md)", command, StringComparison.Ordinal);
    }

    // ---- escaping, against actions/toolkit's escapeData and escapeProperty ------------------------------------------

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("a\rb", "a%0Db")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("%0A", "%250A")]
    [InlineData("%25", "%2525")]
    [InlineData("a:b,c", "a:b,c")]
    [InlineData("::error::x", "::error::x")]
    public void EscapeData_matches_the_toolkit(string value, string expected) =>
        Assert.Equal(expected, GitHubFormatter.EscapeData(value));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("a\rb", "a%0Db")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("%0A", "%250A")]
    [InlineData("a:b", "a%3Ab")]
    [InlineData("a,b", "a%2Cb")]
    [InlineData("%3A:", "%253A%3A")]
    [InlineData("x,line=1::error::y", "x%2Cline=1%3A%3Aerror%3A%3Ay")]
    public void EscapeProperty_matches_the_toolkit(string value, string expected) =>
        Assert.Equal(expected, GitHubFormatter.EscapeProperty(value));

    // ---- GitHub shows ten annotations per level ----------------------------------------------------------------------

    private static string EmptySections(int count) =>
        "# T\n\nSome text.\n\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"## Section {i}\n\n")).TrimEnd() + "\n";

    [Fact]
    public void More_than_ten_warnings_add_a_note_with_the_number_hidden()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("many.md", EmptySections(13));

        var run = CliRunner.Run(_folder.Path, "many.md", "--format", "github");

        Assert.Equal(13, Commands(run).Count);
        Assert.All(Commands(run), c => Assert.StartsWith("::warning ", c, StringComparison.Ordinal));
        var note = Assert.Single(Lines(run.Out), l => l.StartsWith("GitHub shows 10 annotations", StringComparison.Ordinal));
        Assert.Contains(" 3 finding(s) are only in this log", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_warnings_need_no_note()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("ten.md", EmptySections(10));

        var run = CliRunner.Run(_folder.Path, "ten.md", "--format", "github");

        Assert.Equal(10, Commands(run).Count);
        Assert.DoesNotContain("GitHub shows", run.Out, StringComparison.Ordinal);
    }
}
