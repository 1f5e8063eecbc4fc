package com.novaquant.binance;

import com.novaquant.architecture.ArchitectureRules;
import com.novaquant.architecture.ModuleClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

@AnalyzeClasses(locations = ModuleClasses.class)
class ArchitectureTest {
    // the rest<->outcome cycle is removed separately; the cycle rule joins then
    @ArchTest
    static final ArchTests rules = ArchTests.in(ArchitectureRules.DependencyRules.class);
}
