package vn.directivetracker.drafting;

/**
 * What a name in a notice stands for, before it is read as today's unit (which for a body that was split
 * depends on the task's domain, and for a provincial department on its province).
 *
 * @param code a unit code ({@link Kind#UNIT}), a code of predecessors.csv ({@link Kind#OLD}, {@link
 *     Kind#OLD_DEPARTMENT}) or a department suffix ({@link Kind#DEPARTMENT}); null for the other kinds
 */
record Body(Kind kind, String code) {

  enum Kind {
    /** A unit of today's registry. */
    UNIT,
    /** A body that ended in 2025: ministries, agencies and provinces of predecessors.csv. */
    OLD,
    /** A provincial department ("Sở Y tế"), of the province named after it or of the issuer. */
    DEPARTMENT,
    /** A provincial department that ended in 2025 ("Sở Thông tin và Truyền thông"). */
    OLD_DEPARTMENT,
    /** The 34 provinces. */
    ALL_PROVINCES,
    /** The ministries and ministerial-level agencies. */
    ALL_MINISTRIES,
    /** Addressees too vague to name a lead ("các bộ, ngành, địa phương"): the issuer decides. */
    VAGUE,
    /** A district-level People's Committee: abolished in July 2025, not in the registry. */
    DISTRICT,
    /** The issuing body itself, or its People's Committee: it does not assign tasks to itself. */
    SELF;

    /** Whether the name stands for units that can lead. */
    boolean names() {
      return this == UNIT || this == OLD || this == DEPARTMENT || this == OLD_DEPARTMENT || this == ALL_PROVINCES
          || this == ALL_MINISTRIES;
    }
  }
}
