/*
 * x86_64 private: the legacy 8259A interrupt controllers.
 */
#ifndef X86_PIC_H
#define X86_PIC_H

/*
 * Remaps both 8259s to VEC_PIC_BASE (so a spurious IRQ 7 or 15 cannot
 * look like a CPU exception) and masks every line: the local APIC takes
 * over.
 */
void pic_disable(void);

#endif /* X86_PIC_H */
