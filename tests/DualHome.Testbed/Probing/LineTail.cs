using System.Text;

namespace DualHome.Testbed.Probing;

/// <summary>Reads the complete lines a running process has appended to its output file since the last read.
/// A line still being written (no newline yet) is kept for the next read. ASCII output only.</summary>
internal sealed class LineTail(string path)
{
    private readonly List<byte> _partial = [];
    private long _offset;

    public List<string> ReadNew()
    {
        var lines = new List<string>();
        if (!File.Exists(path)) return lines;
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (s.Length <= _offset) return lines;
        s.Seek(_offset, SeekOrigin.Begin);
        var buffer = new byte[s.Length - _offset];
        var read = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        _offset += read;
        foreach (var b in buffer.AsSpan(0, read))
        {
            if (b != (byte)'\n')
            {
                _partial.Add(b);
                continue;
            }
            lines.Add(Encoding.ASCII.GetString([.. _partial]));
            _partial.Clear();
        }
        return lines;
    }
}
