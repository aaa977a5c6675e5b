package dev.kerasview.instance;

/** What {@link InstanceGate#claim} decided: show a window here, or the files went to the running one. */
public sealed interface InstanceClaim permits PrimaryInstance, HandedOver {
}
