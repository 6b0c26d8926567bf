namespace DualHome.Control.Console;

/// <summary>
/// The lines entered so far, oldest first, at most <see cref="Capacity"/>; blank lines and a repeat of the
/// previous line are not kept. Also the browsing cursor for Ctrl-P/Ctrl-N, which keeps the line being typed
/// (the draft) so that going past the newest entry brings it back.
/// </summary>
public sealed class CommandHistory(int capacity = CommandHistory.DefaultCapacity)
{
    public const int DefaultCapacity = 50;
    private readonly List<string> _entries = [];
    private int _cursor;
    private string _draft = "";

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public IReadOnlyList<string> Entries => _entries;

    public void Add(string line)
    {
        line = line.Trim();
        if (line.Length > 0 && (_entries.Count == 0 || _entries[^1] != line))
        {
            if (_entries.Count == Capacity)
            {
                _entries.RemoveAt(0);
            }
            _entries.Add(line);
        }
        EndBrowsing();
    }

    /// <summary>The entry before the current one, or null at the oldest. <paramref name="current"/> is kept as the draft when leaving it.</summary>
    public string? Older(string current)
    {
        if (_cursor == 0)
        {
            return null;
        }
        if (_cursor == _entries.Count)
        {
            _draft = current;
        }
        return _entries[--_cursor];
    }

    /// <summary>The entry after the current one, the draft after the newest, or null when already at the draft.</summary>
    public string? Newer()
    {
        if (_cursor >= _entries.Count)
        {
            return null;
        }
        _cursor++;
        return _cursor == _entries.Count ? _draft : _entries[_cursor];
    }

    /// <summary>Back to a new line: the next Older starts from the newest entry.</summary>
    public void EndBrowsing()
    {
        _cursor = _entries.Count;
        _draft = "";
    }
}
