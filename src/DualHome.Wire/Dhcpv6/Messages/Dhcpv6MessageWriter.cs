using System.Buffers.Binary;
using DualHome.Wire.Dhcpv6.Options;

namespace DualHome.Wire.Dhcpv6.Messages;

/// <summary>
/// Writes a DHCPv6 client/server message (RFC 8415 §8), the UDP payload. Options go out in a fixed order:
/// Client Identifier, Server Identifier, Elapsed Time, Option Request, Rapid Commit, Reconfigure Accept, IA_PDs,
/// Preference, Status Code, Reconfigure Message, Authentication, SOL_MAX_RT, INF_MAX_RT, then the others in model
/// order. Throws <see cref="ArgumentException"/> for a model no valid message has: a relay or unknown msg-type,
/// a transaction-id over 24 bits, an option over 65535 octets, a non-IPv6 prefix, or a prefix whose preferred
/// lifetime exceeds its valid lifetime (§21.22).
/// </summary>
public static class Dhcpv6MessageWriter
{
    public static int Measure(Dhcpv6Message message)
    {
        Validate(message);
        return Dhcpv6Constants.HeaderLength
            + DuidOption.Measure(message.ClientId)
            + DuidOption.Measure(message.ServerId)
            + ElapsedTimeOption.Measure(message.ElapsedTime)
            + OptionRequestOption.Measure(message.RequestedOptions)
            + FlagOption.Measure(message.RapidCommit)
            + FlagOption.Measure(message.ReconfigureAccept)
            + message.IaPds.Sum(IaPdOption.Measure)
            + PreferenceOption.Measure(message.Preference)
            + StatusCodeOption.Measure(message.Status)
            + ReconfigureMessageOption.Measure(message.ReconfigureMessage)
            + AuthenticationOption.Measure(message.Authentication)
            + MaxRtOption.Measure(message.SolMaxRt)
            + MaxRtOption.Measure(message.InfMaxRt)
            + message.OtherOptions.Sum(MeasureRaw);
    }

    /// <summary>Writes the message; returns its length. Throws if <paramref name="buffer"/> is too small.</summary>
    public static int Write(Dhcpv6Message message, Span<byte> buffer)
    {
        int length = Measure(message);
        if (buffer.Length < length)
            throw new ArgumentException($"Buffer of {buffer.Length} bytes is too small: the message needs {length}.", nameof(buffer));
        BinaryPrimitives.WriteUInt32BigEndian(buffer, ((uint)message.Type << 24) | message.TransactionId);
        int at = Dhcpv6Constants.HeaderLength;
        at += WriteIdentity(message, buffer[at..]);
        foreach (IaPd ia in message.IaPds)
            at += IaPdOption.Write(ia, buffer[at..]);
        at += WriteServerOptions(message, buffer[at..]);
        foreach (Dhcpv6RawOption option in message.OtherOptions)
            at += WriteRaw(option, buffer[at..]);
        return at;
    }

    public static bool TryWrite(Dhcpv6Message message, Span<byte> buffer, out int written)
    {
        written = Measure(message) <= buffer.Length ? Write(message, buffer) : 0;
        return written > 0;
    }

    /// <summary>Writes into a new array of exactly the message's length.</summary>
    public static byte[] ToArray(Dhcpv6Message message)
    {
        var bytes = new byte[Measure(message)];
        Write(message, bytes);
        return bytes;
    }

    private static int WriteIdentity(Dhcpv6Message message, Span<byte> destination)
    {
        int at = 0;
        if (message.ClientId is { } client)
            at += DuidOption.Write(Dhcpv6OptionCode.ClientId, client, destination[at..]);
        if (message.ServerId is { } server)
            at += DuidOption.Write(Dhcpv6OptionCode.ServerId, server, destination[at..]);
        if (message.ElapsedTime is { } elapsed)
            at += ElapsedTimeOption.Write(elapsed, destination[at..]);
        if (message.RequestedOptions is { } codes)
            at += OptionRequestOption.Write(codes, destination[at..]);
        if (message.RapidCommit)
            at += FlagOption.Write(Dhcpv6OptionCode.RapidCommit, destination[at..]);
        if (message.ReconfigureAccept)
            at += FlagOption.Write(Dhcpv6OptionCode.ReconfigureAccept, destination[at..]);
        return at;
    }

    private static int WriteServerOptions(Dhcpv6Message message, Span<byte> destination)
    {
        int at = 0;
        if (message.Preference is { } preference)
            at += PreferenceOption.Write(preference, destination[at..]);
        if (message.Status is { } status)
            at += StatusCodeOption.Write(status, destination[at..]);
        if (message.ReconfigureMessage is { } reconfigure)
            at += ReconfigureMessageOption.Write(reconfigure, destination[at..]);
        if (message.Authentication is { } auth)
            at += AuthenticationOption.Write(auth, destination[at..]);
        if (message.SolMaxRt is { } sol)
            at += MaxRtOption.Write(Dhcpv6OptionCode.SolMaxRt, sol, destination[at..]);
        if (message.InfMaxRt is { } inf)
            at += MaxRtOption.Write(Dhcpv6OptionCode.InfMaxRt, inf, destination[at..]);
        return at;
    }

    private static int MeasureRaw(Dhcpv6RawOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(option.Data, nameof(option));
        Dhcpv6OptionHeader.RequireDataLength(option.Data.Length, option.Code);
        return Dhcpv6Constants.OptionHeaderLength + option.Data.Length;
    }

    private static int WriteRaw(Dhcpv6RawOption option, Span<byte> destination)
    {
        int at = Dhcpv6OptionHeader.Write(destination, option.Code, option.Data.Length);
        option.Data.CopyTo(destination[at..]);
        return at + option.Data.Length;
    }

    private static void Validate(Dhcpv6Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Type is < Dhcpv6MessageType.Solicit or > Dhcpv6MessageType.InformationRequest)
            throw new ArgumentException($"msg-type {(byte)message.Type} is not a client/server message (RFC 8415 §7.3, §8).", nameof(message));
        if (message.TransactionId > Dhcpv6Constants.MaxTransactionId)
            throw new ArgumentException($"transaction-id {message.TransactionId:x} does not fit 24 bits (RFC 8415 §8).", nameof(message));
        if (message.IaPds is null || message.OtherOptions is null)
            throw new ArgumentException("Option lists must not be null.", nameof(message));
    }
}
