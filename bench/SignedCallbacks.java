import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes distinct text callbacks shaped like Meta's, each with its own message id and one of 5,000
 * senders, one per line as {@code <X-Hub-Signature-256 value> TAB <body>}, for the ingress benchmark's
 * load generator. Needs only the JDK: {@code java bench/SignedCallbacks.java <appSecret> <count> <file>}.
 */
public class SignedCallbacks {

    public static void main(String[] args) throws Exception {
        String secret = args[0];
        int count = Integer.parseInt(args[1]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (int n = 0; n < count; n++) {
                byte[] body = callback(n);
                out.write("sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
                out.write('\t');
                out.write(new String(body, StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
    }

    private static byte[] callback(long n) {
        String sender = "4075" + String.format("%07d", n % 5000);
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Guest " + n + "\"},"
                + "\"wa_id\":\"" + sender + "\"}],\"messages\":[{\"from\":\"" + sender + "\",\"id\":\"wamid.bench" + n + "\","
                + "\"timestamp\":\"1795536007\",\"type\":\"text\",\"text\":{\"body\":\"Is Casa Pescarului free from "
                + "June 15 to June 20 for 2 people?\"}}]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
