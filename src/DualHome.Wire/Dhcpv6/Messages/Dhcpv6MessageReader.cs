using System.Buffers.Binary;
using DualHome.Wire.Dhcpv6.Options;

namespace DualHome.Wire.Dhcpv6.Messages;

/// <summary>
/// Reads a received DHCPv6 client/server message (the UDP payload). Returns <see cref="Dhcpv6ReadResult.Ok"/>
/// with a model, or the reason the message is discarded whole with a null model. Never throws on message content.
/// Parts RFC 8415 has the client ignore (see <see cref="Dhcpv6OptionFault"/>) are left out and the first is reported.
/// Which options a given message must carry (§16) is the receiver's business: the reader only checks the format.
/// </summary>
public static class Dhcpv6MessageReader
{
    public static Dhcpv6ReadResult TryRead(ReadOnlySpan<byte> message, out Dhcpv6Message? model) =>
        TryRead(message, out model, out _);

    public static Dhcpv6ReadResult TryRead(ReadOnlySpan<byte> message, out Dhcpv6Message? model, out Dhcpv6OptionFault ignored)
    {
        model = null;
        ignored = Dhcpv6OptionFault.None;
        Dhcpv6ReadResult result = ReadHeader(message, out Dhcpv6MessageType type, out uint transactionId);
        if (result != Dhcpv6ReadResult.Ok)
            return result;
        var options = new Dhcpv6OptionSet();
        result = Dhcpv6OptionTable.ReadAll(message[Dhcpv6Constants.HeaderLength..], MessageOptionTable.Rows, options,
            (code, data) => options.Other.Add(new Dhcpv6RawOption(code, data.ToArray())));
        if (result != Dhcpv6ReadResult.Ok)
            return result;
        ignored = options.Faults.First;
        model = Build(type, transactionId, options);
        return Dhcpv6ReadResult.Ok;
    }

    /// <summary>msg-type and transaction-id (§8), without reading the options: allocation-free.</summary>
    public static Dhcpv6ReadResult ReadHeader(ReadOnlySpan<byte> message, out Dhcpv6MessageType type, out uint transactionId)
    {
        type = default;
        transactionId = 0;
        if (message.Length < Dhcpv6Constants.HeaderLength)
            return Dhcpv6ReadResult.TooShort; // §8: msg-type (1) + transaction-id (3)
        type = (Dhcpv6MessageType)message[0];
        transactionId = BinaryPrimitives.ReadUInt32BigEndian(message) & Dhcpv6Constants.MaxTransactionId;
        if (type is Dhcpv6MessageType.RelayForward or Dhcpv6MessageType.RelayReply)
            return Dhcpv6ReadResult.RelayMessage; // §9: a different format, for relays and servers
        if (type is < Dhcpv6MessageType.Solicit or > Dhcpv6MessageType.RelayReply)
            return Dhcpv6ReadResult.UnknownMessageType; // §16: "MUST discard any received ... unknown message type"
        return Dhcpv6ReadResult.Ok;
    }

    private static Dhcpv6Message Build(Dhcpv6MessageType type, uint transactionId, Dhcpv6OptionSet options) => new()
    {
        Type = type,
        TransactionId = transactionId,
        ClientId = options.ClientId,
        ServerId = options.ServerId,
        IaPds = options.IaPds,
        RequestedOptions = options.RequestedOptions,
        ElapsedTime = options.ElapsedTime,
        Preference = options.Preference,
        Status = options.Status,
        RapidCommit = options.RapidCommit,
        ReconfigureAccept = options.ReconfigureAccept,
        ReconfigureMessage = options.ReconfigureMessage,
        Authentication = options.Authentication,
        SolMaxRt = options.SolMaxRt,
        InfMaxRt = options.InfMaxRt,
        OtherOptions = options.Other,
    };
}
