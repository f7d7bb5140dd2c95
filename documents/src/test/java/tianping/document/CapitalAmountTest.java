package tianping.document;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 大写 amounts, each written by hand by the rules of 《正确填写票据和结算凭证的基本规定》. */
class CapitalAmountTest {

    private static String c(String amount) {
        return CapitalAmount.of(new BigDecimal(amount));
    }

    @Test
    void wholeYuanEndWithZheng() {
        assertEquals("贰拾万元整", c("200000"));
        assertEquals("伍佰肆拾伍元整", c("545")); // 衡环罚决〔2023〕502号 writes 伍佰肆拾伍元整（¥545元）
        assertEquals("捌仟玖佰元整", c("8900"));
        assertEquals("壹万捌仟玖佰元整", c("18900"));
        assertEquals("壹佰元整", c("100"));
        assertEquals("肆佰万元整", c("4000000"));
        assertEquals("壹拾万元整", c("100000"));
        assertEquals("壹拾陆元整", c("16"));
        assertEquals("零元整", c("0"));
        assertEquals("贰拾万元整", c("200000.00"));
    }

    @Test
    void oneZeroForAnyRunOfZeros() {
        assertEquals("壹仟零伍元整", c("1005"));
        assertEquals("壹拾万零伍元整", c("100005"));
        assertEquals("壹仟万零伍仟元整", c("10005000"));
        assertEquals("壹亿零壹万元整", c("100010000"));
        assertEquals("壹亿元整", c("100000000"));
        assertEquals("贰拾贰万伍仟元整", c("225000"));
        assertEquals("壹佰贰拾万零壹元整", c("1200001"));
    }

    @Test
    void jiaoAndFen() {
        assertEquals("壹仟陆佰捌拾元叁角贰分", c("1680.32"));
        assertEquals("壹拾万元伍角", c("100000.5"));
        assertEquals("捌元零伍分", c("8.05"));
        assertEquals("伍分", c("0.05"));
        assertEquals("叁角", c("0.3"));
    }

    @Test
    void inexactOrNegativeAmountsAreRefusedNotRounded() {
        assertThrows(IllegalArgumentException.class, () -> c("0.001"));
        assertThrows(IllegalArgumentException.class, () -> c("-5"));
        assertThrows(IllegalArgumentException.class, () -> c("1000000000000"));
    }
}
