namespace StrategyLint.Profiles;

/// <summary>The document types (product.md §4). Each turns on the rule sets that fit it.</summary>
public static class StrategyProfiles
{
    /// <summary>A national cybersecurity strategy or its draft.</summary>
    public const string NationalCybersecurityStrategy = "national-cybersecurity-strategy";
    /// <summary>A cyber or cybercrime capacity-building or technical-assistance plan.</summary>
    public const string CapacityBuildingPlan = "capacity-building-plan";
    /// <summary>A national cybercrime strategy.</summary>
    public const string CybercrimeStrategy = "cybercrime-strategy";

    /// <summary>Every profile name.</summary>
    public static IReadOnlyList<string> All { get; } = [NationalCybersecurityStrategy, CapacityBuildingPlan, CybercrimeStrategy];

    /// <summary>True when <paramref name="name"/> is a profile name (case-insensitive).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);
}

/// <summary>The profile chosen for one document, where it came from and why.</summary>
internal sealed record ProfileChoice(string Name, string Source, string Reason)
{
    public const string FromFlag = "flag";
    public const string FromFrontMatter = "front-matter";
    public const string FromConfig = "config";
    public const string FromDetection = "detection";

    public override string ToString() => $"{Name}: {Reason}";
}
