using System.Text.RegularExpressions;
using StrategyLint.Cli.Output;
using YamlDotNet.RepresentationModel;

namespace StrategyLint.Tests.Cli;

/// <summary>
/// action.yml as GitHub reads it (actionlint checks only workflows): the metadata is complete, every input a
/// step uses is declared, outputs point at real steps, and the workflows that use the action pass only inputs
/// it has. The README's workflow is checked the same way, so the one-step setup users copy keeps working.
/// </summary>
public sealed partial class ActionMetadataTests
{
    private static readonly string ActionPath = Path.Combine(TestPaths.RepositoryRoot, "action.yml");

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Action => Load(File.ReadAllText(ActionPath));

    private static YamlNode? Get(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Scalar(YamlMappingNode map, string key) => (Get(map, key) as YamlScalarNode)?.Value ?? "";

    private static HashSet<string> DeclaredInputs => [.. ((YamlMappingNode)Get(Action, "inputs")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];

    private static IEnumerable<YamlMappingNode> Steps => ((YamlSequenceNode)Get((YamlMappingNode)Get(Action, "runs")!, "steps")!).Children.Cast<YamlMappingNode>();

    [Fact]
    public void The_action_is_a_composite_action_with_name_description_and_described_inputs()
    {
        var action = Action;
        Assert.False(string.IsNullOrWhiteSpace(Scalar(action, "name")));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(action, "description")));
        Assert.Equal("composite", Scalar((YamlMappingNode)Get(action, "runs")!, "using"));
        foreach (var (name, value) in ((YamlMappingNode)Get(action, "inputs")!).Children)
            Assert.False(string.IsNullOrWhiteSpace(Scalar((YamlMappingNode)value, "description")), $"input {name} has no description");
        Assert.Superset(new HashSet<string> { "paths", "config", "fail-level", "sarif-file", "category" }, DeclaredInputs);
    }

    [Fact]
    public void Every_run_step_names_its_shell_and_every_used_action_is_pinned()
    {
        foreach (var step in Steps)
        {
            if (Get(step, "run") is not null)
                Assert.Equal("bash", Scalar(step, "shell"));
            if (Get(step, "uses") is YamlScalarNode uses)
                Assert.Matches(@"^[\w.-]+/[\w./-]+@v\d+$", uses.Value!);
        }
    }

    [Fact]
    public void Steps_use_only_declared_inputs_and_outputs_point_at_existing_steps()
    {
        var text = File.ReadAllText(ActionPath);
        var used = InputReference().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Subset(DeclaredInputs, used);

        var ids = Steps.Select(s => Scalar(s, "id")).Where(id => id.Length > 0).ToHashSet();
        foreach (var (name, value) in ((YamlMappingNode)Get(Action, "outputs")!).Children)
        {
            var reference = StepOutputReference().Match(Scalar((YamlMappingNode)value, "value"));
            Assert.True(reference.Success, $"output {name} does not read a step output");
            Assert.Contains(reference.Groups[1].Value, ids);
        }
    }

    [Fact]
    public void The_lint_step_writes_annotations_sarif_and_the_job_summary_in_one_run_with_formats_the_tool_has()
    {
        var lint = Steps.Single(s => Scalar(s, "id") == "lint");
        var script = Scalar(lint, "run");
        Assert.Single(Regex.Matches(script, @"^strategylint ", RegexOptions.Multiline));
        var formats = Regex.Matches(script, @"--format (\w+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([OutputFormat.GitHub, OutputFormat.Sarif, OutputFormat.Markdown], formats);
        Assert.Subset(OutputFormat.All.ToHashSet(), formats.ToHashSet());
        Assert.Contains("$GITHUB_STEP_SUMMARY", script, StringComparison.Ordinal);
        // GitHub runs bash with -e: the exit code must be recorded before the step fails.
        Assert.Contains("set +e", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("exit-code=", StringComparison.Ordinal) < script.LastIndexOf("exit \"$code\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_repository_workflow_uses_the_action_on_the_examples_and_uploads_the_sarif_without_failing_on_403()
    {
        var workflow = Load(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, ".github", "workflows", "strategylint.yml")));
        AssertWorkflowUsesAction(workflow, "./");
        var job = (YamlMappingNode)((YamlMappingNode)Get(workflow, "jobs")!).Children.Values.Single();
        Assert.Equal("write", Scalar((YamlMappingNode)Get(job, "permissions")!, "security-events"));
    }

    [Fact]
    public void The_readme_workflow_is_valid_yaml_and_passes_only_inputs_the_action_has()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var block = ReadmeWorkflow().Match(readme);
        Assert.True(block.Success, "the README has no workflow for GitHub Actions");
        AssertWorkflowUsesAction(Load(block.Groups[1].Value), "strategylint/strategylint@");
    }

    private static void AssertWorkflowUsesAction(YamlMappingNode workflow, string actionPrefix)
    {
        var steps = ((YamlMappingNode)Get(workflow, "jobs")!).Children.Values
            .SelectMany(job => ((YamlSequenceNode)Get((YamlMappingNode)job, "steps")!).Children.Cast<YamlMappingNode>())
            .ToList();
        var ours = steps.Single(s => Scalar(s, "uses").StartsWith(actionPrefix, StringComparison.Ordinal));
        if (Get(ours, "with") is YamlMappingNode with)
            Assert.Subset(DeclaredInputs, with.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet());

        var upload = steps.Single(s => Scalar(s, "uses").StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal));
        Assert.Equal("true", Scalar(upload, "continue-on-error"));
        Assert.Contains("!cancelled()", Scalar(upload, "if"), StringComparison.Ordinal);
        var sarif = ours is { } && Get(ours, "with") is YamlMappingNode w && Get(w, "sarif-file") is YamlScalarNode given ? given.Value : Scalar((YamlMappingNode)Get((YamlMappingNode)Get(Action, "inputs")!, "sarif-file")!, "default");
        Assert.Equal(sarif, Scalar((YamlMappingNode)Get(upload, "with")!, "sarif_file"));
    }

    [GeneratedRegex(@"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"^\$\{\{\s*steps\.([\w-]+)\.outputs\.[\w-]+\s*\}\}$")]
    private static partial Regex StepOutputReference();

    [GeneratedRegex(@"## Use it in GitHub Actions.*?```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeWorkflow();
}
