using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace StrategyLint.IO;

/// <summary>
/// The state of one folder walk: the links to folders it refused (each reported once, as a diagnostic on the link),
/// and the link targets it already walked, so that no folder is entered twice through links.
/// </summary>
internal sealed class TreeWalk(ReadPolicy policy)
{
    private readonly HashSet<string> _followed = new(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    public ReadPolicy Policy { get; } = policy;

    /// <summary>Links to folders that were not entered, with why, in the order met.</summary>
    public List<(string Path, ReadProblem Problem)> Refused { get; } = [];

    /// <summary>The walk's first folder, already checked by the caller (<see cref="SafeFileReader.Resolve"/>); its real path given.</summary>
    public DirectoryInfoBase Start(string folder, string realFolder) => new GuardedDirectory(new DirectoryInfo(folder), this, realFolder, parent: null, isLink: false);

    /// <summary>
    /// Decides whether the walk enters the folder link at <paramref name="link"/>, found in the folder whose real path
    /// is <paramref name="parentReal"/>: only when links are followed, the target stays inside the repository and out
    /// of .git, is not one of the link's own ancestors (<c>a -&gt; .</c>, <c>a -&gt; ..</c> would make the walk endless),
    /// and was not walked already through another link. Returns the target's real path, or null.
    /// </summary>
    public string? Enter(string link, string parentReal)
    {
        var (real, problem) = SafeFileReader.Resolve(link, Policy);
        if (problem is null && real is not null && SafeFileReader.IsInside(parentReal, real))
            problem = new ReadProblem(ReadProblemKind.LinkLoop, "is a symbolic link to a folder that holds it, which would make the walk endless, so it was not followed.");
        if (problem is { Kind: ReadProblemKind.SymbolicLink })
            problem = problem with { Reason = $"is a symbolic link to a folder; StrategyLint does not follow links by default, so nothing in it was linted. {SafeFileReader.FollowAdvice}" };
        if (problem is not null)
        {
            Refused.Add((link, problem));
            return null;
        }
        return _followed.Add(real!) ? real : null;
    }
}

/// <summary>
/// A folder as FileSystemGlobbing's matcher sees it, without the dangers of <see cref="DirectoryInfoWrapper"/>: a link
/// to a folder is entered only when <see cref="TreeWalk.Enter"/> allows it (the check runs when the matcher wants to
/// look inside, so links the pattern could never match below are not reported), and .git folders are never listed.
/// Links to files, FIFOs and devices are listed as files: when the pattern matches one, <see cref="SafeFileReader"/>
/// refuses it with a diagnostic at read time.
/// </summary>
internal sealed class GuardedDirectory : DirectoryInfoBase
{
    private static readonly EnumerationOptions Options = new() { AttributesToSkip = 0, IgnoreInaccessible = true, RecurseSubdirectories = false };

    private readonly DirectoryInfo _info;
    private readonly TreeWalk _walk;
    private readonly GuardedDirectory? _parent;
    private readonly bool _isLink;
    private string? _real;

    internal GuardedDirectory(DirectoryInfo info, TreeWalk walk, string? real, GuardedDirectory? parent, bool isLink)
    {
        _info = info;
        _walk = walk;
        _real = real;
        _parent = parent;
        _isLink = isLink;
    }

    public override string Name => _info.Name;

    public override string FullName => _info.FullName;

    public override DirectoryInfoBase? ParentDirectory =>
        _parent ?? (_info.Parent is { } up ? new GuardedDirectory(up, _walk, SafeFileReader.RealPath(up.FullName), null, isLink: false) : null);

    public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
    {
        if (_isLink && _real is null)
        {
            _real = _parent?._real is { } parentReal ? _walk.Enter(_info.FullName, parentReal) : null;
            if (_real is null)
                return [];
        }
        var real = _real ?? _info.FullName;
        List<FileSystemInfo> entries;
        try
        {
            entries = [.. _info.EnumerateFileSystemInfos("*", Options)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        var children = new List<FileSystemInfoBase>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo folder)
            {
                if (folder.Name.Equals(RepositoryRoot.GitEntry, StringComparison.OrdinalIgnoreCase))
                    continue;
                var isLink = IsLink(folder);
                children.Add(new GuardedDirectory(folder, _walk, isLink ? null : Path.Combine(real, folder.Name), this, isLink));
            }
            else if (entry is FileInfo file)
            {
                children.Add(new FileInfoWrapper(file));
            }
        }
        return children;
    }

    public override DirectoryInfoBase? GetDirectory(string path)
    {
        if (path == "..")
            return ParentDirectory;
        var folder = new DirectoryInfo(Path.Combine(_info.FullName, path));
        if (path.Contains('/') || path.Contains('\\') || folder.Name.Equals(RepositoryRoot.GitEntry, StringComparison.OrdinalIgnoreCase) || !folder.Exists)
            return null;
        var isLink = IsLink(folder);
        return new GuardedDirectory(folder, _walk, isLink || _real is null ? null : Path.Combine(_real, folder.Name), this, isLink);
    }

    public override FileInfoBase GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(_info.FullName, path)));

    private static bool IsLink(FileSystemInfo entry)
    {
        try
        {
            return entry.LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable link: treated as a link, so it is checked (and refused) rather than entered.
            return true;
        }
    }
}
