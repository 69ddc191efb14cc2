namespace StrategyLint.IO;

/// <summary>
/// What a run may read: files below <see cref="Root"/> (the repository root), and whether symbolic links whose
/// fully resolved target stays inside it are followed (<c>--follow-symlinks</c>; off by default).
/// </summary>
/// <remarks>
/// The command line sets the policy of a run once (<see cref="Use"/>) and every reader takes it from
/// <see cref="Current"/>, so a loader deep in the configuration (a pack file, a C# rule file, an <c>.editorconfig</c>)
/// can never read with a looser policy than the one the workflow chose. Following links is a switch of the command
/// line only, never of <c>strategylint.json</c>: the workflow decides, not the pull request.
/// </remarks>
internal sealed class ReadPolicy
{
    private static readonly AsyncLocal<ReadPolicy?> Ambient = new();

    private string? _realRoot;

    public ReadPolicy(string root, bool followLinks)
    {
        Root = RepositoryRootPath(root);
        FollowLinks = followLinks;
    }

    /// <summary>The repository root: a full path without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>Whether links whose target stays inside <see cref="Root"/> are followed.</summary>
    public bool FollowLinks { get; }

    /// <summary><see cref="Root"/> with its own links resolved (the folders above a checkout may be links), for comparing link targets.</summary>
    public string RealRoot => _realRoot ??= SafeFileReader.RealPath(Root) ?? Root;

    /// <summary>The policy of the run in progress; outside a run, one for the process's working folder that follows no link.</summary>
    public static ReadPolicy Current => Ambient.Value ?? For(Environment.CurrentDirectory);

    /// <summary>The policy of the run in progress; outside a run, one for <paramref name="workingDirectory"/> that follows no link.</summary>
    public static ReadPolicy CurrentOr(string workingDirectory) => Ambient.Value ?? For(workingDirectory);

    /// <summary>The policy for a run from <paramref name="workingDirectory"/>: its repository root, links followed only when asked.</summary>
    public static ReadPolicy For(string workingDirectory, bool followLinks = false) => new(RepositoryRoot.Find(workingDirectory), followLinks);

    /// <summary>Makes <paramref name="policy"/> the current one until the returned scope is disposed (it flows to worker threads).</summary>
    public static IDisposable Use(ReadPolicy policy)
    {
        var previous = Ambient.Value;
        Ambient.Value = policy;
        return new Scope(previous);
    }

    private static string RepositoryRootPath(string root)
    {
        var full = Path.GetFullPath(root);
        var top = Path.GetPathRoot(full) ?? "";
        return full.Length > top.Length ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
    }

    private sealed class Scope(ReadPolicy? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
