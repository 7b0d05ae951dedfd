package io.nexusconnect.sims.amazon.model;

/** {@code Order.FulfillmentChannel}: fulfilled by Amazon (AFN) or by the seller (MFN). */
public enum FulfillmentChannel {
    MFN, AFN
}
