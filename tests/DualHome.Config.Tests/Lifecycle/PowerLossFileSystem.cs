using DualHome.Config.Lifecycle;

namespace DualHome.Config.Tests.Lifecycle;

/// <summary>The power failed. Not an IOException, so the code under test cannot mistake it for an error it handles.</summary>
internal sealed class PowerLossException() : Exception("power lost");

/// <summary>
/// An in-memory directory that models what survives power loss, after the fsync(2) and rename(2) contract:
/// a file's data is durable only once the file is fsynced, and a creation or rename only once the directory is.
/// Until then each pending directory change may or may not have reached the disk, and an unsynced file may hold
/// its old data or a torn prefix of the new. Every primitive (write, fsync, rename, directory fsync) is one step;
/// <see cref="CutPowerAfter"/> stops the machine after k steps, and <see cref="AfterPowerLoss"/> lists every state
/// the disk may be in at the next boot.
/// </summary>
internal sealed class PowerLossFileSystem : IConfigFileSystem
{
    private sealed class Inode(string text)
    {
        public string Durable = text;
        public string Current = text;
        public bool Synced = true;
    }

    private abstract record Change;
    private sealed record Created(string Name, Inode Node) : Change;
    private sealed record Renamed(string From, string To) : Change;

    private readonly Dictionary<string, Inode> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Inode> _disk = new(StringComparer.Ordinal);
    private readonly List<Inode> _inodes = [];
    private readonly List<Change> _pending = [];
    private int _budget = int.MaxValue;

    /// <summary>A directory whose files are all on disk.</summary>
    public PowerLossFileSystem(params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            var node = new Inode(text);
            _inodes.Add(node);
            _live[path] = _disk[path] = node;
        }
    }

    /// <summary>Steps done so far.</summary>
    public int Steps { get; private set; }

    public void CutPowerAfter(int steps) => _budget = steps;

    public string? ReadText(string path) => _live.TryGetValue(path, out var node) ? node.Current : null;

    public void WriteAndSync(string path, string text)
    {
        Step(); // open(O_CREAT | O_TRUNC) + write(2)
        if (!_live.TryGetValue(path, out var node))
        {
            node = new Inode("");
            _inodes.Add(node);
            _live[path] = node;
            _pending.Add(new Created(path, node));
        }
        (node.Current, node.Synced) = (text, false);
        Step(); // fsync(2)
        (node.Durable, node.Synced) = (text, true);
    }

    public void Rename(string from, string to)
    {
        Step();
        if (!_live.Remove(from, out var node))
            throw new FileNotFoundException($"rename: no {from}");
        _live[to] = node;
        _pending.Add(new Renamed(from, to));
    }

    public void SyncDirectory(string directory)
    {
        Step();
        _disk.Clear();
        foreach (var (name, node) in _live)
            _disk[name] = node;
        _pending.Clear();
    }

    /// <summary>Every disk state the next boot may find: each subset of the pending directory changes (applied in
    /// order), times old-or-torn for each unsynced file.</summary>
    public IEnumerable<PowerLossFileSystem> AfterPowerLoss()
    {
        var unsynced = _inodes.Where(n => !n.Synced).ToList();
        int choices = _pending.Count + unsynced.Count;
        for (int mask = 0; mask < 1 << choices; mask++)
            yield return Boot(mask, unsynced);
    }

    private PowerLossFileSystem Boot(int mask, List<Inode> unsynced)
    {
        var names = new Dictionary<string, Inode>(_disk, StringComparer.Ordinal);
        for (int i = 0; i < _pending.Count; i++)
            if ((mask & 1 << i) != 0)
                Replay(_pending[i], names);
        string Content(Inode n) => n.Synced || (mask & 1 << (_pending.Count + unsynced.IndexOf(n))) == 0
            ? n.Durable
            : n.Current[..(n.Current.Length / 2)];
        return new PowerLossFileSystem(names.Select(kv => (kv.Key, Content(kv.Value))).ToArray());
    }

    private static void Replay(Change change, Dictionary<string, Inode> names)
    {
        switch (change)
        {
            case Created c:
                names[c.Name] = c.Node;
                break;
            case Renamed r when names.Remove(r.From, out var node):
                names[r.To] = node;
                break;
        }
    }

    private void Step()
    {
        if (Steps == _budget)
            throw new PowerLossException();
        Steps++;
    }
}
