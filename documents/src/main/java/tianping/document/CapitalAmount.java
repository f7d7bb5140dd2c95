package tianping.document;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of yuan in Chinese capital numerals (大写), as decisions write fines beside the figures: 200000 →
 * 贰拾万元整, 1005 → 壹仟零伍元整, 100000.5 → 壹拾万元伍角, 0.05 → 伍分, 8.05 → 捌元零伍分. The rules are those of banking documents (中国人民银行
 * 《支付结算办法》附件《正确填写票据和结算凭证的基本规定》): 壹拾 for a leading ten, one 零 for any run of zeros between
 * digits (none before 角, which the rules allow either way), 整 when there are no 角 or 分, 零 before 分 when 角 is zero. Exact: an amount with fractions of a fen,
 * negative or of a trillion yuan or more is refused rather than rounded.
 */
public final class CapitalAmount {

    private static final String[] DIGIT = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    private static final String[] UNIT = {"", "拾", "佰", "仟"};
    private static final String[] GROUP = {"", "万", "亿"};

    private CapitalAmount() {
    }

    public static String of(BigDecimal amount) {
        if (amount.signum() < 0) throw new IllegalArgumentException("金额为负：" + amount.toPlainString());
        BigDecimal fen = amount.movePointRight(2);
        if (fen.stripTrailingZeros().scale() > 0) throw new IllegalArgumentException("金额不足一分的部分无法大写：" + amount.toPlainString());
        BigDecimal yuan = amount.setScale(0, RoundingMode.DOWN);
        if (yuan.compareTo(new BigDecimal("1000000000000")) >= 0) throw new IllegalArgumentException("金额过大：" + amount.toPlainString());
        int cents = fen.subtract(yuan.movePointRight(2)).intValueExact();
        int jiao = cents / 10, fenDigit = cents % 10;
        StringBuilder b = new StringBuilder();
        String digits = yuan.toPlainString();
        boolean pendingZero = false, groupHasDigit = false;
        for (int i = 0; i < digits.length(); i++) {
            int pos = digits.length() - 1 - i;
            int d = digits.charAt(i) - '0';
            if (d == 0) {
                if (!b.isEmpty()) pendingZero = true;
            } else {
                if (pendingZero) b.append('零');
                pendingZero = false;
                b.append(DIGIT[d]).append(UNIT[pos % 4]);
                groupHasDigit = true;
            }
            if (pos % 4 == 0 && pos > 0 && groupHasDigit) {
                b.append(GROUP[pos / 4]);
                groupHasDigit = false;
            }
        }
        boolean hasYuan = !b.isEmpty();
        if (hasYuan) b.append('元');
        if (jiao == 0 && fenDigit == 0) return hasYuan ? b.append('整').toString() : "零元整";
        if (jiao > 0) {
            b.append(DIGIT[jiao]).append('角');
        }
        if (fenDigit > 0) {
            if (jiao == 0 && hasYuan) b.append('零');
            b.append(DIGIT[fenDigit]).append('分');
        }
        return b.toString();
    }
}
