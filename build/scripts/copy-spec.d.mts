/** Copies the Camtrap DP and Frictionless schemas from ../shared/spec into resources/spec; says what it did. */
export function copySpec(): string;
