package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FriendlyNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "# Name = office|office",
        "#name=office|office",
        "; Name = office|office",
        "# friendly_name = OnePlus 6T|OnePlus 6T",
        "#               friendly_name       =               frcognowin10|frcognowin10",
        "# Friendly_Name=laptop|laptop",
        "# friendly_json = {\"name\": \"branch\", \"id\": 7}|branch",
        "# friendly_json={\"id\":482217555,\"username\":\"coordinator\"}|",
        "# friendly_json = {\"name\": 7}|",
        "# friendly_json = {not json|",
        "# friendly_json = [\"name\"]|",
        "# friendly_name =|",
        "# Names = office|",
        "# Name: office|",
        "# Nameserver = 10.0.0.1|",
        "# just a comment|",
        "Name = office|",
    })
    void readsEachConvention(String comment, String expected) {
        assertThat(FriendlyName.fromComment(comment)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aNameDirectlyAboveAPeerNamesThatPeerUnlessItNamesItself() throws WgConfigException {
        String a = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
        String b = "mRcPuxg0d6NalMm/OQt3AgnTKlldSph9QfSz5ZJHGr4=";
        String c = "BRlLtV3KYPgfuBBkoWqIw6NfqJFDCGTtP7jvM9c1pks=";
        InterfaceConfig config = WgQuickParser.parse("n.conf", """
                [Interface]
                Address = 10.0.0.1/24
                # friendly_name = alice
                # (her laptop)
                [Peer]
                PublicKey = %s

                # friendly_json = {"name": "bob"}
                [Peer]
                # Name = Robert
                PublicKey = %s
                # friendly_name = carol

                [Peer]
                PublicKey = %s
                """.formatted(a, b, c));
        assertThat(config.peers()).extracting(p -> p.name().orElse(null)).containsExactly("alice", "Robert", null);
    }
}
