package th.tambon.budget.ledger.model;

/** Budget categories (งบรายจ่าย) of an allocation line. */
public enum Category {
    /** งบบุคลากร */
    PERSONNEL,
    /** งบดำเนินงาน */
    OPERATING,
    /** งบลงทุน */
    INVESTMENT,
    /** งบเงินอุดหนุน */
    SUBSIDY,
    /** งบรายจ่ายอื่น */
    OTHER
}
