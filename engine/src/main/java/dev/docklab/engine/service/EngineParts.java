package dev.docklab.engine.service;

import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.container.ContainerService;
import dev.docklab.engine.container.ContainerStore;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.network.NetworkStore;
import dev.docklab.engine.runtime.HostFacts;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.volume.VolumeStore;

/**
 * The engine's working parts, made once when it opens and shared by its services.
 *
 * @param options how it was opened
 * @param listener where its events go
 * @param layout the data root's layout
 * @param host facts of this host (kernel, cgroups)
 * @param blobs content-addressable blobs
 * @param layers unpacked layers
 * @param images image records and tags
 * @param containerStore container records
 * @param containers the container lifecycle
 * @param driver the storage driver
 * @param runtime the OCI runtime
 * @param volumes named and anonymous volumes
 * @param networkStore user networks
 */
public record EngineParts(EngineOptions options, EngineListener listener, Layout layout, HostFacts host,
    BlobStore blobs, LayerStore layers, ImageStore images, ContainerStore containerStore,
    ContainerService containers, StorageDriver driver, OciRuntime runtime, VolumeStore volumes,
    NetworkStore networkStore) {}
