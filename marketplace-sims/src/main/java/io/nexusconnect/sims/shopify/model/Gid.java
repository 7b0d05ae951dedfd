package io.nexusconnect.sims.shopify.model;

/** Shopify global ids: {@code gid://shopify/<Type>/<number>}. */
public final class Gid {
    private Gid() {
    }

    public static String of(String type, long id) {
        return "gid://shopify/" + type + "/" + id;
    }

    /** The numeric part of a gid of {@code type}, or -1 when {@code gid} is not one. */
    public static long number(String type, String gid) {
        String prefix = "gid://shopify/" + type + "/";
        if (gid == null || !gid.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(gid.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The type part of a gid, or null. */
    public static String type(String gid) {
        if (gid == null || !gid.startsWith("gid://shopify/")) {
            return null;
        }
        String rest = gid.substring("gid://shopify/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? null : rest.substring(0, slash);
    }
}
