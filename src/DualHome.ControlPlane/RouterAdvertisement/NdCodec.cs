using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>The engine's view of the wire code: read what arrives on the LAN, write the RA.</summary>
internal static class NdCodec
{
    /// <summary>Returns null and the message when valid, else the stable name of the drop reason.</summary>
    public static string? Read(ReadOnlySpan<byte> icmp, in NdReceiveContext ctx, out object? message)
    {
        message = null;
        if (icmp.IsEmpty) return NdReadResult.TooShort.ToStableName();
        var context = NdPacketContext.FromRawSocket(ctx.HopLimit, ctx.Source, ctx.Destination);
        NdReadResult result;
        switch ((NdType)icmp[0])
        {
            case NdType.RouterSolicitation:
                result = NdReader.TryRead(icmp, context, out RouterSolicitation? rs);
                message = rs;
                break;
            case NdType.RouterAdvertisement:
                result = NdReader.TryRead(icmp, context, out Wire.Nd.RouterAdvertisement? ra);
                message = ra;
                break;
            default:
                result = NdReader.Validate(icmp, context);
                break;
        }
        return result == NdReadResult.Ok ? null : result.ToStableName();
    }

    public static byte[] Write(Wire.Nd.RouterAdvertisement ra)
    {
        var buffer = new byte[RouterAdvertisementWriter.Measure(ra)];
        RouterAdvertisementWriter.Write(ra, buffer);
        return buffer;
    }
}
