namespace DualHome.Wire.Nd.Options;

/// <summary>
/// Walks the option area of an ND message, checking the framing the way odhcpd's <c>icmpv6_for_each_option</c>
/// does: the header fits, Length &gt; 0 and the option ends inside the message (RFC 4861 §4.6). Allocation-free.
/// </summary>
internal ref struct NdOptionWalker
{
    private ReadOnlySpan<byte> _rest;

    public NdOptionWalker(ReadOnlySpan<byte> options)
    {
        _rest = options;
        Error = NdReadResult.Ok;
    }

    /// <summary>Type of the current option.</summary>
    public byte Type { get; private set; }

    /// <summary>The current option, Type and Length bytes included.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>Why the walk stopped early; <see cref="NdReadResult.Ok"/> when the options consumed the message exactly.</summary>
    public NdReadResult Error { get; private set; }

    public bool MoveNext()
    {
        if (_rest.IsEmpty)
            return false;
        if (_rest.Length < NdConstants.OptionHeaderLength)
            return Stop(NdReadResult.OptionOverrun); // trailing bytes that cannot even hold Type and Length
        int units = _rest[1];
        if (units == 0)
            return Stop(NdReadResult.ZeroLengthOption); // §4.6: "Nodes MUST silently discard an ND packet ..."
        int length = units * NdConstants.OptionUnit;
        if (length > _rest.Length)
            return Stop(NdReadResult.OptionOverrun);
        Type = _rest[0];
        Current = _rest[..length];
        _rest = _rest[length..];
        return true;
    }

    private bool Stop(NdReadResult error)
    {
        Error = error;
        _rest = default;
        return false;
    }

    /// <summary>Checks the framing of every option without reading any of them.</summary>
    public static NdReadResult CheckFraming(ReadOnlySpan<byte> options)
    {
        var walker = new NdOptionWalker(options);
        while (walker.MoveNext())
        {
        }
        return walker.Error;
    }

    /// <summary>True if an option of <paramref name="type"/> is present (framing already checked).</summary>
    public static bool Contains(ReadOnlySpan<byte> options, NdOptionType type)
    {
        var walker = new NdOptionWalker(options);
        while (walker.MoveNext())
        {
            if (walker.Type == (byte)type)
                return true;
        }
        return false;
    }
}
