using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyLint.CodeRules;

// The messages between StrategyLint and its C# rule host (a child process: `strategylint --rule-host`), one JSON
// object per line on the child's standard input and output. Only plain data crosses: strings, numbers, lists. The
// parent never holds an object the rule's code made, so it never runs rule code (a property getter, a ToString, an
// exception's Message), and a rule that crashes or hangs takes only the child with it.

/// <summary>A request from StrategyLint to the rule host.</summary>
internal sealed record HostRequest
{
    public const string LoadKind = "load";
    public const string RunKind = "run";

    public required string Kind { get; init; }

    /// <summary>load: the compiled rules, base64.</summary>
    public string? Image { get; init; }

    /// <summary>load: the assembly name the image must have.</summary>
    public string? AssemblyName { get; init; }

    /// <summary>load: the time one rule may spend on one document.</summary>
    public double BudgetSeconds { get; init; }

    /// <summary>load: the bytes one rule may allocate on one document.</summary>
    public long AllocationBytes { get; init; }

    /// <summary>run: which rule (index into the loaded rules).</summary>
    public int Rule { get; init; }

    /// <summary>run: identifies the document; the text is sent only when the host has not seen this key last.</summary>
    public string? DocumentKey { get; init; }

    public string? Path { get; init; }

    public string? Text { get; init; }
}

/// <summary>The rule host's answer.</summary>
internal sealed record HostResponse
{
    public const string LoadedKind = "loaded";
    public const string ResultKind = "result";
    public const string StoppedKind = "stopped";
    public const string FailedKind = "failed";
    public const string ErrorKind = "error";

    public required string Kind { get; init; }

    public List<HostedRuleInfo>? Rules { get; init; }

    public List<HostedLoadProblem>? Problems { get; init; }

    public List<HostedFinding>? Findings { get; init; }

    /// <summary>failed: the exception's type name; error: what went wrong in the host itself.</summary>
    public string? FailureKind { get; init; }

    /// <summary>stopped or failed: why, in words.</summary>
    public string? Detail { get; init; }
}

internal sealed record HostedRuleInfo(string TypeName, List<HostedDescriptor> Descriptors, List<string>? Profiles, string? CoverageId, string? CoverageLabel);

internal sealed record HostedDescriptor(string Id, string Title, string MessageFormat, string Category, int DefaultSeverity, bool EnabledByDefault, string Description, string? HelpUri, List<string> Tags);

internal sealed record HostedLoadProblem(string TypeName, string Message);

internal sealed record HostedFinding(string Id, int Start, int Length, string Message, Dictionary<string, string>? Properties, HostedFix? Fix);

internal sealed record HostedFix(string Title, List<HostedChange> Changes);

internal sealed record HostedChange(int Start, int Length, string NewText);

internal static class RuleHostJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Deep JSON is never needed: nothing the host sends nests more than a few levels.
        MaxDepth = 16,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string line) => JsonSerializer.Deserialize<T>(line, Options);
}
