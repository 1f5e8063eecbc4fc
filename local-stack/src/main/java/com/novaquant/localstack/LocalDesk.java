package com.novaquant.localstack;

/** Starts the whole desk locally. */
public final class LocalDesk {
    public static void main(String[] args) {
        System.out.println("local desk");
    }
}
