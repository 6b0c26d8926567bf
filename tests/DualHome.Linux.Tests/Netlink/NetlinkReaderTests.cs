using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>Framing checks: every length is validated before the field it guards is read.</summary>
public sealed class NetlinkReaderTests
{
    [Fact]
    public void TwoMessages_AreReadInOrder_WithPaddingSkipped()
    {
        // A 17-byte NOOP (padded to 20) followed by a DONE.
        var bytes = Hex.Parse("11000000 0100 0000 01000000 00000000 ff000000 14000000 0300 0200 02000000 00000000 00000000");
        var offset = 0;

        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var first));
        Assert.Equal(NetlinkConstants.NLMSG_NOOP, first.Type);
        Assert.Equal(1, first.Payload.Length);
        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var second));
        Assert.Equal(NetlinkConstants.NLMSG_DONE, second.Type);
        Assert.Equal(2u, second.Sequence);
        Assert.False(NetlinkReader.TryReadMessage(bytes, ref offset, out _));
    }

    [Theory]
    [InlineData("TooShortForHeader", "10000000 0300 0000")]
    [InlineData("LengthBelowHeader", "0c000000 0300 0000 01000000 00000000")]
    [InlineData("LengthBeyondDatagram", "20000000 0300 0000 01000000 00000000")]
    public void MalformedMessage_Throws(string name, string hex)
    {
        Assert.NotEmpty(name);
        var bytes = Hex.Parse(hex);

        Assert.Throws<InvalidDataException>(() =>
        {
            var offset = 0;
            NetlinkReader.TryReadMessage(bytes, ref offset, out _);
        });
    }

    [Fact]
    public void Attributes_MaskNestedFlag_AndSkipPadding()
    {
        // nla_len 5 (one byte, padded), then a nested attribute type 0x8003 with an empty value.
        var bytes = Hex.Parse("0500 0400 07 000000 0400 0380");
        var offset = 0;

        Assert.True(NetlinkReader.TryReadAttribute(bytes, ref offset, out var type, out var value));
        Assert.Equal(4, type);
        Assert.Equal([7], value.ToArray());
        Assert.True(NetlinkReader.TryReadAttribute(bytes, ref offset, out type, out value));
        Assert.Equal((3, 0), (type, value.Length));
        Assert.False(NetlinkReader.TryReadAttribute(bytes, ref offset, out _, out _));
    }

    [Theory]
    [InlineData("TooShortForHeader", "0800 01")]
    [InlineData("LengthBelowHeader", "0300 0100")]
    [InlineData("LengthBeyondArea", "0c00 0100 00000000")]
    public void MalformedAttribute_Throws(string name, string hex)
    {
        Assert.NotEmpty(name);
        var bytes = Hex.Parse(hex);

        Assert.Throws<InvalidDataException>(() =>
        {
            var offset = 0;
            NetlinkReader.TryReadAttribute(bytes, ref offset, out _, out _);
        });
    }

    [Theory]
    [InlineData("TooShortForHeader", "10000000 0300 0000")]
    [InlineData("LengthBelowHeader", "0c000000 0300 0000 01000000 00000000")]
    [InlineData("LengthBeyondDatagram", "20000000 0300 0000 01000000 00000000")]
    [InlineData("SecondMessageCut", "10000000 0300 0000 01000000 00000000 10000000 0300")]
    public void MessagesFit_MalformedDatagram_IsFalse(string name, string hex)
    {
        Assert.NotEmpty(name);
        Assert.False(NetlinkReader.MessagesFit(Hex.Parse(hex)));
    }

    [Theory]
    [InlineData("TooShortForHeader", "0800 01")]
    [InlineData("LengthBelowHeader", "0300 0100")]
    [InlineData("LengthBeyondArea", "0c00 0100 00000000")]
    [InlineData("SecondAttributeOverruns", "0800 0100 00000000 0800 0200 0000")]
    public void AttributesFit_MalformedArea_IsFalse(string name, string hex)
    {
        Assert.NotEmpty(name);
        Assert.False(NetlinkReader.AttributesFit(Hex.Parse(hex)));
    }

    [Fact]
    public void Fits_WellFormed_IsTrue_IncludingUnpaddedLastRecordAndEmpty()
    {
        Assert.True(NetlinkReader.MessagesFit(Hex.Parse("11000000 0100 0000 01000000 00000000 ff")));
        Assert.True(NetlinkReader.AttributesFit(Hex.Parse("0500 0400 07 000000 0400 0380 0500 0100 01")));
        Assert.True(NetlinkReader.MessagesFit([]));
        Assert.True(NetlinkReader.AttributesFit([]));
    }
}
