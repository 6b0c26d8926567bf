using System.Buffers.Binary;

namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>SOL_MAX_RT (82) and INF_MAX_RT (83) options, RFC 8415 §21.24, §21.25: a 4-octet number of seconds.</summary>
internal static class MaxRtOption
{
    /// <summary>§21.24, §21.25: "option-len: 4".</summary>
    public const int DataLength = 4;

    /// <summary>§21.24, §21.25: a client MUST ignore values below 60 or above 86400.</summary>
    public const uint MinSeconds = 60;

    /// <summary>§21.24, §21.25: a client MUST ignore values below 60 or above 86400.</summary>
    public const uint MaxSeconds = 86400;

    public static int Measure(uint? seconds) => seconds is null ? 0 : Dhcpv6Constants.OptionHeaderLength + DataLength;

    public static int Write(Dhcpv6OptionCode code, uint seconds, Span<byte> destination)
    {
        int at = Dhcpv6OptionHeader.Write(destination, code, DataLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[at..], seconds);
        return at + DataLength;
    }

    public static Dhcpv6ReadResult ReadSol(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        into.SolMaxRt = Checked(data, into);
        return Dhcpv6ReadResult.Ok;
    }

    public static Dhcpv6ReadResult ReadInf(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        into.InfMaxRt = Checked(data, into);
        return Dhcpv6ReadResult.Ok;
    }

    private static uint? Checked(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        uint seconds = BinaryPrimitives.ReadUInt32BigEndian(data);
        if (seconds is >= MinSeconds and <= MaxSeconds)
            return seconds;
        into.Faults.Note(Dhcpv6OptionFault.MaxRtOutOfRange);
        return null;
    }
}
